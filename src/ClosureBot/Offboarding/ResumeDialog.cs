using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Dialogs;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// Offers a returning customer to pick up their saved place, with fresh figures, or to start over. The saved place is
/// replaced only when the customer chooses to start over: unclear answers end in an offer of support, and the offer stands.
/// </summary>
public sealed class ResumeDialog : WaterfallDialog<ResumeDialog.ResumeState>
{
    /// <summary>The step that reads the answer to the offer (true: resume; false: start over).</summary>
    public const string AnswerStep = "answer";

    // The offer itself, asked again when the answer was not clear.
    private const string OfferStep = "offer";

    public const string DialogId = "resume";
    private readonly OffboardingCards _cards;
    private readonly OffboardingDialog _offboarding;

    public ResumeDialog(OffboardingCards cards, OffboardingDialog offboarding) : base(DialogId, OffboardingStateJson.Default)
    {
        _cards = cards;
        _offboarding = offboarding;
        DefineSteps([(OfferStep, OfferToResumeStepAsync), (AnswerStep, ResumeOrStartOverStepAsync)]);
    }

    /// <summary>Bump with the saved state's shape.</summary>
    public override string Version => "2";

    public sealed class ResumeState
    {
        public OffboardingState? Saved { get; set; }
        public string Screen { get; set; } = OffboardingSteps.Overview;
        public DateTimeOffset SavedAt { get; set; }

        /// <summary>The account the message that brought the offer named ("close EMPTY"): a start over begins with it.</summary>
        public OffboardingState? Named { get; set; }
    }

    // Another account than the saved one, named in the message that brought the offer: the offer says a no closes it instead.
    private static string? OtherNamed(ResumeState state) =>
        state.Saved?.AccountAlias is { } saved && state.Named?.AccountAlias is { } named
        && !string.Equals(saved, named, StringComparison.OrdinalIgnoreCase) ? named : null;

    private async Task<DialogTurnResult> OfferToResumeStepAsync(WaterfallStepContext<ResumeState> step, CancellationToken ct)
    {
        var t = CustomerLocale.TextsOf(step.Context);
        var state = step.State;
        var other = OtherNamed(state);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = _cards.Resume(CustomerLocale.Of(step.Context), state.Saved?.AccountAlias, state.Screen, state.SavedAt,
                other is null ? t[TextId.ResumeQuestion] : t.Format(TextId.ResumeOrClose, state.Saved!.AccountAlias, other)),
            RetryText = other is null ? t[TextId.ResumeRetry] : t.Format(TextId.ResumeOrCloseRetry, state.Saved!.AccountAlias, other),
            Choices = StepChoices.Of(t).Resume,
        }, ct);
    }

    private async Task<DialogTurnResult> ResumeOrStartOverStepAsync(WaterfallStepContext<ResumeState> step, CancellationToken ct)
    {
        var t = CustomerLocale.TextsOf(step.Context);
        if (step.Result == PromptResult.Exhausted)
        {
            var offer = new Activity
            {
                Type = ActivityTypes.Message,
                Text = t[TextId.TroubleResume],
                SuggestedActions = new SuggestedActions { Actions = [OffboardingDialog.SupportButton(t[TextId.TalkToSupport], "support", "misunderstood")] },
            };
            step.Context.SendActivity(offer);
            return await step.GoToStepAsync(OfferStep, null, ct);
        }
        if (step.Result is true && step.State.Saved is { } saved && _offboarding.IsScreen(step.State.Screen))
        {
            step.Context.SendActivity(new() { Text = t.Format(TextId.ResumedAt, OffboardingSteps.Describe(t, step.State.Screen)) });
            return await step.Dialogs.ReplaceDialogAsync(OffboardingDialog.DialogId, new WaterfallStart<OffboardingState>(saved, step.State.Screen), ct);
        }
        var other = OtherNamed(step.State);
        step.Context.SendActivity(new()
        {
            Text = step.Result is true ? t[TextId.OutdatedSave] : other is null ? t[TextId.StartOver] : t.Format(TextId.StartOverWith, other),
        });
        return await step.Dialogs.ReplaceDialogAsync(OffboardingDialog.DialogId, OffboardingDialog.StartWith(step.State.Named), ct);
    }
}
