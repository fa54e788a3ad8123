using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Waterfall;

namespace ClosureBot.Offboarding;

/// <summary>Offers a returning customer to pick up their saved progress, with fresh figures, or to start over.</summary>
public sealed class ResumeDialog : WaterfallDialog<ResumeDialog.ResumeState>
{
    public const string DialogId = "resume";
    private readonly OffboardingCards _cards;

    public ResumeDialog(OffboardingCards cards) : base(DialogId)
    {
        _cards = cards;
        DefineSteps([("offer", OfferToResumeStepAsync), ("answer", ResumeOrStartOverStepAsync)]);
    }

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
            RetryText = "Shall we pick up where you left off? Please answer yes or no.",
        }, ct);

    private async Task<DialogTurnResult> ResumeOrStartOverStepAsync(WaterfallStepContext<ResumeState> step, CancellationToken ct)
    {
        if (step.Result is true && step.State.Saved is { } saved)
        {
            step.Context.SendActivity(new() { Text = $"Here we are again, at {OffboardingSteps.Describe(step.State.Screen)}. I've refreshed the figures." });
            return await step.Dialogs.ReplaceDialogAsync(OffboardingDialog.DialogId, new WaterfallStart<OffboardingState>(saved, step.State.Screen), ct);
        }
        step.Context.SendActivity(new() { Text = "All right, let's start from the beginning." });
        return await step.Dialogs.ReplaceDialogAsync(OffboardingDialog.DialogId, null, ct);
    }
}
