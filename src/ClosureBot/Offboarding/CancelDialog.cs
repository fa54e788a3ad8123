using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Dialogs;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// "Do you want to stop?" — a dialog on top of whatever the customer was answering. Yes ends everything (nothing is
/// requested); no, or three unclear answers, ends only this dialog, and the question underneath is asked again.
/// </summary>
public sealed class CancelDialog : WaterfallDialog<CancelDialog.CancelState>
{
    public const string DialogId = "confirm-cancel";

    public CancelDialog() : base(DialogId, OffboardingStateJson.Default) => DefineSteps([("ask", AskStepAsync), ("answer", DecideStepAsync)]);

    /// <summary>Nothing to remember: the question is the whole dialog.</summary>
    public sealed class CancelState;

    private static async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<CancelState> step, CancellationToken ct) =>
        await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = CustomerLocale.TextsOf(step.Context)[TextId.ConfirmCancel] },
            RetryText = CustomerLocale.TextsOf(step.Context)[TextId.CancelRetry],
            Choices = StepChoices.Of(CustomerLocale.TextsOf(step.Context)).YesNo,
        }, ct);

    private static async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext<CancelState> step, CancellationToken ct)
    {
        if (step.Result is true)
        {
            step.Context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = CustomerLocale.TextsOf(step.Context)[TextId.Cancelled] });
            return await step.Dialogs.CancelAllDialogsAsync(new OffboardingResult(OffboardingOutcome.Abandoned), ct);
        }
        step.Context.SendActivity(new Activity
        {
            Type = ActivityTypes.Message,
            Text = CustomerLocale.TextsOf(step.Context)[step.Result is false ? TextId.CarryOn : TextId.TakenAsNo],
        });
        return await step.EndDialogAsync(null, ct);
    }
}
