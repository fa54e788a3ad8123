using System.Text.Json;
using ClosureBot.Accounts;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Identity;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;
using ClosureBot.Storage;

namespace ClosureBot.Offboarding;

/// <summary>
/// Decides what one customer turn means: the welcome, a resume offer, an answer for the dialog, or one of the
/// interruptions (help, cancel, talk to support, status, check again, remind me later, a stale card) — all of
/// them handled here, in one place, the same way at every step.
/// </summary>
public sealed class ConversationRouter(DialogSet dialogs, OffboardingDialog offboarding, ResumeDialog resume, OffboardingCards cards,
    IAccountInventory inventory, IBotStore store)
{
    public async Task HandleAsync(ITurnContext context, ConversationData data, CancellationToken ct)
    {
        var dc = dialogs.CreateContext(context, data.Dialog);
        try
        {
            await RouteAsync(dc, data, ct);
        }
        catch (AccountGoneException gone)
        {
            context.ClearReplies();
            Say(context, $"I can't find the account {gone.Alias} any more: it may have been closed or renamed meanwhile. " +
                "Nothing has been requested. If that's not what you expected, please talk to support.");
            dc.Stack.Clear();
            data.PendingCancel = false;
            OffboardingTurn.Of(context).Outcome = OffboardingOutcome.Abandoned;
        }
    }

    private async Task RouteAsync(DialogContext dc, ConversationData data, CancellationToken ct)
    {
        var context = dc.Context;
        var active = dc.FindInstance(OffboardingDialog.DialogId);
        if (context.Activity is { Type: ActivityTypes.Event, Name: CustomerClaims.SignedInEvent })
        {
            await CarryOnSignedInAsync(dc, active, ct);
            return;
        }
        if (context.Activity.Type != ActivityTypes.Message)
        {
            if (dc.Stack.Count == 0) await GreetAsync(dc, intent: null, ct);
            return;
        }

        if (data.PendingCancel && dc.Stack.Count > 0)
        {
            await ConfirmCancelAsync(dc, data, ct);
            return;
        }

        var intent = Intents.Recognize(context.Activity);
        if (active is null)
        {
            // Cancel and remind-me-later answer a pending offer to resume; greeting again would stack a second offer.
            if (dc.FindInstance(ResumeDialog.DialogId) is { } offer && intent is Intents.Cancel or Intents.RemindLater)
            {
                if (intent == Intents.Cancel)
                {
                    data.PendingCancel = true;
                    AskYesNo(context, OffboardingTexts.ConfirmCancel);
                    return;
                }
                Say(context, OffboardingTexts.RemindLater(resume.ReadState(offer).Screen));
                await dc.CancelAllDialogsAsync(ct);
                OffboardingTurn.Of(context).Outcome = OffboardingOutcome.Paused;
                return;
            }
            if (dc.Stack.Count > 0 && intent is null or Intents.Start or Intents.Help or Intents.Status or Intents.CheckAgain)
                await ContinueAsync(dc, ct);
            else
                await GreetAsync(dc, intent, ct);
            return;
        }

        var screen = offboarding.CurrentScreen(active);
        if (context.Activity.GetValueString("step") is { } cardStep && cardStep != screen && intent is null or Intents.CheckAgain)
        {
            Say(context, OffboardingTexts.Stale(screen));
            await dc.RepromptDialogAsync(ct);
            return;
        }

        switch (intent)
        {
            case Intents.Help:
                Say(context, OffboardingTexts.Help(screen));
                await dc.RepromptDialogAsync(ct);
                break;
            case Intents.Support:
                context.SendActivity(cards.Support("You can reach our support team here. I'll keep your place in the meantime."));
                await dc.RepromptDialogAsync(ct);
                break;
            case Intents.Status:
                var state = offboarding.ReadState(active);
                var account = state.AccountAlias is { } alias ? await inventory.FindAsync(alias, ct) : null;
                context.SendActivity(cards.Progress(state.AccountAlias, screen, account, $"You're at {OffboardingSteps.Describe(screen)}."));
                await dc.RepromptDialogAsync(ct);
                break;
            case Intents.CheckAgain:
                await offboarding.GoToStepAsync(dc, screen, ct);
                break;
            case Intents.RemindLater:
                Say(context, OffboardingTexts.RemindLater(screen));
                await dc.CancelAllDialogsAsync(ct);
                OffboardingTurn.Of(context).Outcome = OffboardingOutcome.Paused;
                break;
            case Intents.Cancel:
                data.PendingCancel = true;
                AskYesNo(context, OffboardingTexts.ConfirmCancel);
                break;
            case Intents.Start:
                Say(context, OffboardingTexts.AlreadyStarted(screen));
                await dc.RepromptDialogAsync(ct);
                break;
            default:
                await ContinueAsync(dc, ct);
                break;
        }
    }

    /// <summary>The customer signed in mid-way: the current screen runs again with the identity this turn proves.</summary>
    private async Task CarryOnSignedInAsync(DialogContext dc, DialogInstance? active, CancellationToken ct)
    {
        if (OffboardingTurn.Of(dc.Context).Identity is not { } customer) return;
        Say(dc.Context, OffboardingTexts.SignedIn(customer.Name));
        if (active is not null)
            await offboarding.GoToStepAsync(dc, offboarding.CurrentScreen(active), ct);
        else if (dc.Stack.Count > 0)
            await dc.RepromptDialogAsync(ct);
    }

    private async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var result = await dc.ContinueDialogAsync(ct);
        if (result.Status == DialogTurnStatus.Outdated)
        {
            Say(dc.Context, OffboardingTexts.Outdated);
            await GreetAsync(dc, Intents.Start, ct);
        }
    }

    private async Task GreetAsync(DialogContext dc, string? intent, CancellationToken ct)
    {
        var context = dc.Context;
        if (intent == Intents.Support)
        {
            context.SendActivity(cards.Support("You can reach our support team here."));
            return;
        }
        var saved = await store.LoadProgressAsync(UserKey(context.Activity), ct);
        if (saved is not null && JsonSerializer.Deserialize<SavedProgress>(saved.Json, ProtocolJson.Options) is { } progress)
        {
            await dc.BeginDialogAsync(ResumeDialog.DialogId,
                new ResumeDialog.ResumeState { Saved = progress.State, Screen = progress.Screen, SavedAt = saved.SavedAt }, ct);
            return;
        }
        if (intent == Intents.Start)
        {
            await dc.BeginDialogAsync(OffboardingDialog.DialogId, null, ct);
            return;
        }
        var welcome = cards.Welcome();
        welcome.Text = OffboardingTexts.Welcome;
        context.SendActivity(welcome);
    }

    private async Task ConfirmCancelAsync(DialogContext dc, ConversationData data, CancellationToken ct)
    {
        var context = dc.Context;
        var answer = ConfirmPrompt.RecognizeAnswer(context);
        if (answer is null)
        {
            AskYesNo(context, "Please answer yes to stop, or no to carry on.");
            return;
        }
        data.PendingCancel = false;
        if (answer.Value)
        {
            Say(context, OffboardingTexts.Cancelled);
            await dc.CancelAllDialogsAsync(ct);
            OffboardingTurn.Of(context).Outcome = OffboardingOutcome.Abandoned;
            return;
        }
        Say(context, OffboardingTexts.CarryOn);
        await dc.RepromptDialogAsync(ct);
    }

    /// <summary>Saved progress is per channel identity: the same user in a new conversation can resume.</summary>
    public static string UserKey(Activity activity) => $"{activity.ChannelId}/{activity.From?.Id}";

    private static void Say(ITurnContext context, string text) => context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = text });

    private static void AskYesNo(ITurnContext context, string text) => context.SendActivity(new Activity
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = InputHints.ExpectingInput,
        SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes"), CardAction.ImBack("No")] },
    });
}
