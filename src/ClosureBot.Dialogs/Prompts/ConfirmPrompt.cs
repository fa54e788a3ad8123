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
        bool? answer = null;
        if (!IsTypedQuestion(context))
        {
            answer = RecognizeAnswer(context, out var read);
            // A no typed as the question's own words but negated ("not pay as you go") answers neither: the negation read
            // as a no would move on with the opposite. An explicit no with them ("no, pay as you go") stays a no.
            if (answer is false && read is not null && NegatesANoOfItsOwn(context, state)) answer = null;
            // A typed answer that is neither may still be in the choices' own words, unless it is a "not yet".
            if (answer is null && read is { } typed && typed != AnswerKind.NotDone) answer = BySynonym(context, state);
        }
        value = answer ?? false;
        return answer.HasValue;
    }

    // The words a question's own choices give its yes or no ("continue anyway" at "Continue anyway?"), unless negated
    // ("don't continue").
    private static bool? BySynonym(ITurnContext context, PromptState state)
    {
        if (state.Choices is not { } choices || !choices.Exists(c => c.Synonyms.Count > 0)) return null;
        var (text, locale) = (context.Activity.Text, context.Activity.Locale);
        if (PolarityRecognizer.Read(text, locale) == AnswerPolarity.Negative) return null;
        return ChoiceRecognizer.Recognize(text, choices, locale, recognizeNumbers: false)?.Value switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
    }

    // An explicit no ("no, pay as you go") is a no whatever follows; otherwise the no's own words, found as the choices
    // are found (BySynonym), with the negation that made the answer a no.
    private static bool NegatesANoOfItsOwn(ITurnContext context, PromptState state)
    {
        if (state.Choices?.Find(c => c.Value == "no") is not { Synonyms.Count: > 0 } no) return false;
        var (text, locale) = (context.Activity.Text, context.Activity.Locale);
        return ConfirmRecognizer.Recognize(text, locale) != false && ChoiceRecognizer.Recognize(text, [no], locale, recognizeNumbers: false) is not null;
    }

    /// <summary>
    /// The yes/no of a turn: a card button's <c>action</c> (<c>yes</c>/<c>no</c>) or the typed text in the turn's
    /// locale; null when it is neither. "Not yet" is a no only when it also says no ("no, not yet"): on its own it
    /// answers no yes/no question. For yes/no questions asked outside a prompt.
    /// </summary>
    public static bool? RecognizeAnswer(ITurnContext context) => RecognizeAnswer(context, out _);

    // read: what the typed text was read as; null for a card button.
    private static bool? RecognizeAnswer(ITurnContext context, out AnswerKind? read)
    {
        if (SubmittedAction(context) is { } action)
        {
            read = null;
            return ConfirmRecognizer.Recognize(action, "en");
        }
        var text = context.Activity.Text;
        read = AnswerReader.Read(text, context.Activity.Locale);
        return read switch
        {
            AnswerKind.Yes => true,
            AnswerKind.No => false,
            AnswerKind.NotDone when ConfirmRecognizer.Recognize(text, context.Activity.Locale) == false => false,
            _ => null,
        };
    }
}
