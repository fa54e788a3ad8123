using ClosureBot.Dialogs.Recognition;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>Asks the customer to pick one option: by clicking, or by typing its title, a synonym or its number.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    /// <inheritdoc />
    protected override bool Recognize(ITurnContext context, PromptState state, out FoundChoice? value)
    {
        value = null;
        var choices = state.Choices ?? [];
        if (SubmittedAction(context) is { } action)
        {
            var index = choices.FindIndex(c => string.Equals(c.Value, action, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) value = new FoundChoice(choices[index].Value, index, 1.0);
            return value is not null;
        }
        value = ChoiceRecognizer.Recognize(context.Activity.Text, choices, context.Activity.Locale);
        return value is not null;
    }
}
