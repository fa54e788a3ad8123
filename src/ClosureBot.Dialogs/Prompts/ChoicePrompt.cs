using ClosureBot.Dialogs.Recognition;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>
/// Asks the customer to pick one option: by clicking, or by typing its title, a synonym or (when allowed) its number.
/// A question never picks an option; a negative answer never does either (it keeps the prompt waiting when
/// <see cref="PromptOptions.NegativeReply"/> is set); a plain yes or a "done" in the customer's words ("I deleted them") picks <see cref="PromptOptions.AffirmativeChoice"/>.
/// </summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    /// <inheritdoc />
    protected override string? KeepsWaiting(ITurnContext context, PromptState state) =>
        state.NegativeReply is { } reply && SubmittedAction(context) is null && !IsTypedQuestion(context)
        && (AnswerReader.Read(context.Activity.Text, context.Activity.Locale) is AnswerKind.No or AnswerKind.NotDone
            || PolarityRecognizer.Read(context.Activity.Text, context.Activity.Locale) == AnswerPolarity.Negative)
            ? reply
            : null;

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
        if (IsTypedQuestion(context)) return false;
        if (FindExact(context, state) is { } exact)
        {
            value = exact;
            return true;
        }

        var text = context.Activity.Text;
        var locale = context.Activity.Locale;
        var answer = AnswerReader.Read(text, locale);
        if (answer is AnswerKind.No or AnswerKind.NotDone || PolarityRecognizer.Read(text, locale) == AnswerPolarity.Negative) return false;
        value = ChoiceRecognizer.Recognize(text, choices, locale, state.RecognizeNumbers);
        // An option's word in a sentence that is mostly about something else picks nothing: "next", one of Done's words,
        // is not a Done in "we plan the migration for next year". What the sentence says is read above instead.
        if (value is { Score: < MinimumShare }) value = null;
        if (value is null && answer is AnswerKind.Yes or AnswerKind.Done && state.AffirmativeChoice is { } affirmative)
        {
            var index = choices.FindIndex(c => c.Value == affirmative);
            if (index >= 0) value = new FoundChoice(choices[index].Value, index, 1.0);
        }
        return value is not null;
    }

    /// <summary>
    /// The least share of a typed message an option's words must cover to pick it (<see cref="FoundChoice.Score"/>):
    /// "next please" (a half) and "done, next step please" (a quarter) pick Done, "we plan the migration for next year" (a
    /// sixth) does not.
    /// </summary>
    public const double MinimumShare = 0.25;

    // A choice typed exactly as offered (so an option that itself reads as a no, such as "Not now", can still be picked).
    private static FoundChoice? FindExact(ITurnContext context, PromptState state) =>
        ChoiceRecognizer.Recognize(context.Activity.Text, state.Choices ?? [], context.Activity.Locale, recognizeNumbers: false) is { Score: >= 1.0 } exact
            ? exact
            : null;
}
