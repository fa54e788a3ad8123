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
        var answer = IsTypedQuestion(context) ? null : RecognizeAnswer(context);
        value = answer ?? false;
        return answer.HasValue;
    }

    /// <summary>
    /// The yes/no of a turn: a card button's <c>action</c> (<c>yes</c>/<c>no</c>) or the typed text in the turn's
    /// locale; null when it is neither. For yes/no questions asked outside a prompt.
    /// </summary>
    public static bool? RecognizeAnswer(ITurnContext context) =>
        SubmittedAction(context) is { } action
            ? ConfirmRecognizer.Recognize(action, "en")
            : ConfirmRecognizer.Recognize(context.Activity.Text, context.Activity.Locale);
}
