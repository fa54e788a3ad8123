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
    /// locale; null when it is neither. "Not yet" is a no only when it also says no ("no, not yet"): on its own it
    /// answers no yes/no question. For yes/no questions asked outside a prompt.
    /// </summary>
    public static bool? RecognizeAnswer(ITurnContext context)
    {
        if (SubmittedAction(context) is { } action) return ConfirmRecognizer.Recognize(action, "en");
        var text = context.Activity.Text;
        return AnswerReader.Read(text, context.Activity.Locale) switch
        {
            AnswerKind.Yes => true,
            AnswerKind.No => false,
            AnswerKind.NotDone when ConfirmRecognizer.Recognize(text, context.Activity.Locale) == false => false,
            _ => null,
        };
    }
}
