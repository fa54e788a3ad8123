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
        var answer = IsTypedQuestion(context) ? null : RecognizeAnswer(context) ?? BySynonym(context, state);
        value = answer ?? false;
        return answer.HasValue;
    }

    // The words a question's own choices give its yes or no ("continue anyway" at "Continue anyway?"), unless the message
    // says no or not yet ("don't continue", "not yet, keep going later").
    private static bool? BySynonym(ITurnContext context, PromptState state)
    {
        if (state.Choices is not { } choices || !choices.Exists(c => c.Synonyms.Count > 0) || SubmittedAction(context) is not null) return null;
        var (text, locale) = (context.Activity.Text, context.Activity.Locale);
        if (AnswerReader.Read(text, locale) is AnswerKind.No or AnswerKind.NotDone || PolarityRecognizer.Read(text, locale) == AnswerPolarity.Negative) return null;
        return ChoiceRecognizer.Recognize(text, choices, locale, recognizeNumbers: false)?.Value switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
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
