using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>Asks a yes/no question; understands yes/no in several languages, colloquialisms and card buttons.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    private static readonly IReadOnlyList<Choice> YesNo = [new Choice("yes") { Title = "Yes" }, new Choice("no") { Title = "No" }];

    /// <inheritdoc />
    protected override IReadOnlyList<Choice> DefaultChoices(ITurnContext context) => YesNo;

    /// <inheritdoc />
    protected override bool Recognize(ITurnContext context, PromptState state, out bool value)
    {
        var answer = SubmittedAction(context) is { } action ? ConfirmRecognizer.Recognize(action, "en") : ConfirmRecognizer.Recognize(context.Activity.Text, context.Activity.Locale);
        value = answer ?? false;
        return answer.HasValue;
    }
}
