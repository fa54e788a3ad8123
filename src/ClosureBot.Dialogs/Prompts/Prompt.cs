using System.Text.Json.Serialization.Metadata;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>
/// Base of all prompts: asks, recognizes the answer (typed text or a card submit in <c>activity.value</c>),
/// runs the optional validator, re-asks with the options when the answer is not understood, and gives up after
/// <see cref="PromptOptions.MaxAttempts"/> with <see cref="PromptResult.Exhausted"/>.
/// Only the prompt's text and options are persisted, not its cards, to keep the saved stack small.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator) : Dialog(id)
{
    /// <summary>The field of a card submit's data that names the chosen action.</summary>
    public const string SubmitActionField = "action";

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        if (options is not PromptOptions prompt) throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        var state = new PromptState
        {
            Text = prompt.Prompt.Text,
            RetryText = prompt.RetryText,
            Choices = (prompt.Choices ?? DefaultChoices(dc.Context))?.ToList(),
            MaxAttempts = prompt.MaxAttempts,
            ValueField = prompt.ValueField,
            RecognizeNumbers = prompt.RecognizeNumbers,
            AffirmativeChoice = prompt.AffirmativeChoice,
            NegativeReply = prompt.NegativeReply,
            AnswerPattern = prompt.AnswerPattern,
        };
        dc.ActiveDialog!.SetValue(state, StateType);
        var activity = prompt.Prompt;
        if (activity.Attachments is { Count: > 0 } && !string.IsNullOrEmpty(activity.Text))
        {
            // Clients show an activity's text above its cards, but the question is about the card: send the card
            // first and ask after it. The card carries its own buttons, so no suggested actions either.
            var question = new Activity { Type = ActivityTypes.Message, Text = activity.Text, InputHint = InputHints.ExpectingInput };
            activity.Text = null;
            activity.InputHint ??= InputHints.AcceptingInput;
            dc.Context.SendActivity(activity);
            dc.Context.SendActivity(question);
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        activity.InputHint ??= InputHints.ExpectingInput;
        // A card carries its own buttons; suggested actions would show them twice.
        if (activity.SuggestedActions is null && activity.Attachments is not { Count: > 0 } && state.Choices is { Count: > 0 } choices)
            activity.SuggestedActions = ToSuggestedActions(choices);
        dc.Context.SendActivity(activity);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message) return DialogTurnResult.Waiting;
        var instance = dc.ActiveDialog!;
        var state = Read(instance);
        var recognized = Recognize(dc.Context, state, out var value);
        if (!recognized && KeepsWaiting(dc.Context, state) is { } reply)
        {
            Ask(dc.Context, state, reply);
            return DialogTurnResult.Waiting;
        }
        state.Attempts++;

        var check = new PromptValidatorContext<T>(dc.Context, recognized, value, state.Attempts);
        var valid = validator is null ? recognized : await validator(check, cancellationToken).ConfigureAwait(false);
        if (valid) return await dc.EndDialogAsync(value, cancellationToken).ConfigureAwait(false);

        if (state.Attempts >= state.MaxAttempts) return await dc.EndDialogAsync(PromptResult.Exhausted, cancellationToken).ConfigureAwait(false);
        instance.SetValue(state, StateType);
        Ask(dc.Context, state, check.RetryText ?? state.RetryText ?? state.Text);
        return DialogTurnResult.Waiting;
    }

    /// <summary>
    /// A dialog started above this prompt (an interruption such as a cancel confirmation) ended: ask again and keep
    /// waiting, rather than taking the interruption's result as the answer.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    /// <inheritdoc />
    public override bool RecognizesAnswer(ITurnContext turnContext, DialogInstance instance) =>
        turnContext.Activity.Type == ActivityTypes.Message && Recognize(turnContext, Read(instance), out _);

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var state = Read(instance);
        Ask(turnContext, state, state.Text);
        return Task.CompletedTask;
    }

    /// <summary>Reads the answer from the turn; false when it is not an answer to this prompt.</summary>
    protected abstract bool Recognize(ITurnContext context, PromptState state, out T? value);

    /// <summary>
    /// For an answer <see cref="Recognize"/> did not accept: a reply that keeps the prompt waiting without counting a
    /// miss (e.g. a choice prompt's answer to "not yet"), or null to count it as a miss.
    /// </summary>
    protected virtual string? KeepsWaiting(ITurnContext context, PromptState state) => null;

    /// <summary>Whether the turn is typed text that asks a question; a question never answers a prompt.</summary>
    protected static bool IsTypedQuestion(ITurnContext context) =>
        SubmittedAction(context) is null && context.Activity.Value is null
        && QuestionDetector.IsQuestion(context.Activity.Text, context.Activity.Locale);

    /// <summary>Options offered when the caller gives none (Yes / No for a confirm prompt).</summary>
    protected virtual IReadOnlyList<Choice>? DefaultChoices(ITurnContext context) => null;

    /// <summary>The <c>action</c> of a card submit, if the turn is one.</summary>
    protected static string? SubmittedAction(ITurnContext context) => context.Activity.GetValueString(SubmitActionField);

    private static void Ask(ITurnContext context, PromptState state, string? text)
    {
        if (string.IsNullOrEmpty(text) && state.Choices is not { Count: > 0 }) return;
        context.SendActivity(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            InputHint = InputHints.ExpectingInput,
            SuggestedActions = state.Choices is { Count: > 0 } choices ? ToSuggestedActions(choices) : null,
        });
    }

    private static SuggestedActions ToSuggestedActions(IEnumerable<Choice> choices) =>
        new() { Actions = choices.Select(c => CardAction.ImBack(c.DisplayTitle)).ToList() };

    // The prompt's state stays a typed object on its instance (no JSON between turns of a cached conversation). The object
    // is the state: ContinueDialogAsync counts an attempt on it only on paths that keep it (re-ask) or end the prompt.
    private static PromptState Read(DialogInstance instance) => instance.GetValue(StateType);

    private static readonly JsonTypeInfo<PromptState> StateType = (JsonTypeInfo<PromptState>)DialogStateJson.Options.GetTypeInfo(typeof(PromptState));

    /// <summary>What a prompt persists between turns.</summary>
    public sealed class PromptState
    {
        /// <summary>The question's text.</summary>
        public string? Text { get; set; }
        /// <summary>Text for a retry.</summary>
        public string? RetryText { get; set; }
        /// <summary>The options.</summary>
        public List<Choice>? Choices { get; set; }
        /// <summary>Attempts allowed.</summary>
        public int MaxAttempts { get; set; } = 3;
        /// <summary>Answers given so far.</summary>
        public int Attempts { get; set; }
        /// <summary>See <see cref="PromptOptions.ValueField"/>.</summary>
        public string? ValueField { get; set; }
        /// <summary>See <see cref="PromptOptions.RecognizeNumbers"/>.</summary>
        public bool RecognizeNumbers { get; set; } = true;
        /// <summary>See <see cref="PromptOptions.AffirmativeChoice"/>.</summary>
        public string? AffirmativeChoice { get; set; }
        /// <summary>See <see cref="PromptOptions.NegativeReply"/>.</summary>
        public string? NegativeReply { get; set; }
        /// <summary>See <see cref="PromptOptions.AnswerPattern"/>.</summary>
        public string? AnswerPattern { get; set; }
    }
}
