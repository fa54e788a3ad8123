using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// Offers a returning customer to pick up their saved place, with fresh figures, or to start over. The saved place is
/// replaced only when the customer chooses to start over: unclear answers end in an offer of support, and the offer stands.
/// </summary>
public sealed class ResumeDialog : WaterfallDialog<ResumeDialog.ResumeState>
{
    public const string DialogId = "resume";
    private readonly OffboardingCards _cards;
    private readonly OffboardingDialog _offboarding;

    public ResumeDialog(OffboardingCards cards, OffboardingDialog offboarding) : base(DialogId)
    {
        _cards = cards;
        _offboarding = offboarding;
        DefineSteps([("offer", OfferToResumeStepAsync), ("answer", ResumeOrStartOverStepAsync)]);
    }

    /// <summary>Bump with the saved state's shape.</summary>
    public override string Version => "2";

    public sealed class ResumeState
    {
        public OffboardingState? Saved { get; set; }
        public string Screen { get; set; } = OffboardingSteps.Overview;
        public DateTimeOffset SavedAt { get; set; }
    }

    private async Task<DialogTurnResult> OfferToResumeStepAsync(WaterfallStepContext<ResumeState> step, CancellationToken ct) =>
        await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = _cards.Resume(step.State.Saved?.AccountAlias, step.State.Screen, step.State.SavedAt,
                "Welcome back! Shall we pick up where you left off?"),
            RetryText = OffboardingTexts.ResumeRetry,
        }, ct);

    private async Task<DialogTurnResult> ResumeOrStartOverStepAsync(WaterfallStepContext<ResumeState> step, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted)
        {
            var offer = new Activity
            {
                Type = ActivityTypes.Message,
                Text = "I'm having trouble understanding, sorry. Your place is saved either way. You can answer yes or no, or talk to a person.",
                SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Talk to support")] },
            };
            step.Context.SendActivity(offer);
            return await step.GoToStepAsync("offer", null, ct);
        }
        if (step.Result is true && step.State.Saved is { } saved && _offboarding.IsScreen(step.State.Screen))
        {
            step.Context.SendActivity(new() { Text = $"Here we are again, at {OffboardingSteps.Describe(step.State.Screen)}. I've refreshed the figures." });
            return await step.Dialogs.ReplaceDialogAsync(OffboardingDialog.DialogId, new WaterfallStart<OffboardingState>(saved, step.State.Screen), ct);
        }
        step.Context.SendActivity(new() { Text = step.Result is true ? OffboardingTexts.OutdatedSave : "All right, let's start from the beginning." });
        return await step.Dialogs.ReplaceDialogAsync(OffboardingDialog.DialogId, null, ct);
    }
}
