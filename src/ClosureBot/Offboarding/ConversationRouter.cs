using ClosureBot.Accounts;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Handoff;
using ClosureBot.Identity;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>
/// Decides what one customer turn means: the welcome, an answer for the dialog on top of the stack, a question, or one
/// of the interruptions (help, cancel, talk to support, status, check again, remind me later, a stale card), handled
/// through one table, the same way at every step, at the resume offer and at the cancel confirmation.
/// </summary>
/// <remarks>
/// An interruption wins when the whole message is that interruption, or when it cannot be read as an answer to the
/// question being asked ("done, I asked the support agent" is an answer; "can I talk to support?" is not). A question
/// is never an answer: it is answered, and the question being asked is asked again.
/// </remarks>
public sealed partial class ConversationRouter
{
    private readonly DialogSet _dialogs;
    private readonly OffboardingDialog _offboarding;
    private readonly ResumeDialog _resume;
    private readonly OffboardingCards _cards;
    private readonly IAccountInventory _inventory;
    private readonly AccountAccess _access;
    private readonly SavedPlaces _savedPlaces;
    private readonly HandoffConversations _handoff;
    private readonly Dictionary<string, Func<DialogContext, Place, CancellationToken, Task>> _interruptions;

    public ConversationRouter(DialogSet dialogs, OffboardingDialog offboarding, ResumeDialog resume, OffboardingCards cards,
        IAccountInventory inventory, AccountAccess access, SavedPlaces savedPlaces, HandoffConversations handoff)
    {
        (_dialogs, _offboarding, _resume, _cards, _inventory, _access, _savedPlaces) = (dialogs, offboarding, resume, cards, inventory, access, savedPlaces);
        _handoff = handoff;
        _interruptions = new()
        {
            [Intents.Help] = HelpAsync,
            [Intents.Support] = SupportAsync,
            [Intents.Status] = StatusAsync,
            [Intents.CheckAgain] = CheckAgainAsync,
            [Intents.RemindLater] = RemindLaterAsync,
            [Intents.Cancel] = CancelAsync,
            [Intents.Start] = AlreadyStartedAsync,
        };
    }

    public async Task HandleAsync(ITurnContext context, ConversationData data, CancellationToken ct)
    {
        var dc = _dialogs.CreateContext(context, data.Dialog);
        var guided = new GuidedConversation(this, dc, data);
        context.TurnState[GuidedKey] = guided;
        try
        {
            // A conversation that never asked for a person has no ticket: the handoff costs it nothing.
            if (!HandoffConversations.Owns(context, data.HandoffTicketId) || !await _handoff.HandleAsync(guided, ct))
                await RouteAsync(dc, data.Welcomed, ct);
            if (context.Activity.Type != ActivityTypes.Message) data.Welcomed = true;
            OffboardingTurn.Of(context).Locate(Locate(dc)?.Screen);
        }
        catch (AccountGoneException gone)
        {
            context.ClearReplies();
            Say(context, $"I can't find the account {gone.Alias} any more: it may have been closed or renamed meanwhile. " +
                "Nothing has been requested. If that's not what you expected, please talk to support.");
            dc.Stack.Clear();
            OffboardingTurn.Of(context).Outcome = OffboardingOutcome.Abandoned;
        }
    }

    private async Task RouteAsync(DialogContext dc, bool welcomed, CancellationToken ct)
    {
        var context = dc.Context;
        if (dc.DropOutdated()) Say(context, OffboardingTexts.Outdated);
        var place = Locate(dc);
        switch (context.Activity.Type)
        {
            case ActivityTypes.Event when context.Activity.Name == CustomerClaims.SignedInEvent:
                await SignedInAsync(dc, place, ct);
                return;
            case ActivityTypes.Message:
                break;
            default:
                // Teams announces one install twice (installationUpdate, then conversationUpdate): welcome once per conversation.
                if (dc.Stack.Count == 0 && !(welcomed && context.Activity.ChannelId == Protocol.Activities.Channels.MsTeams)) await GreetAsync(dc, intent: null, ct);
                return;
        }

        var interruption = Intents.Recognize(context.Activity);
        if (place is null)
        {
            await GreetAsync(dc, interruption?.Intent, ct);
            return;
        }

        if (place.Offboarding is not null && place.Screen != OffboardingSteps.ConfirmCancel
            && context.Activity.GetValueString("step") is { } cardStep && cardStep != place.Screen
            && interruption is null or { Intent: Intents.CheckAgain })
        {
            Say(context, OffboardingTexts.Stale(place.Screen));
            await dc.RepromptDialogAsync(ct);
            return;
        }

        if (interruption is { } found && (found.Whole || !dc.ActiveDialogRecognizesAnswer()))
        {
            await _interruptions[found.Intent](dc, place, ct);
            return;
        }
        if (context.Activity.Value is null && QuestionDetector.IsQuestion(context.Activity.Text, context.Activity.Locale))
        {
            Say(context, OffboardingTexts.Question(place.Screen));
            await dc.RepromptDialogAsync(ct);
            return;
        }
        await ContinueAsync(dc, ct);
    }

    /// <summary>Where the conversation stands: the cancel question, the resume offer or a screen of the closure; null when idle.</summary>
    private Place? Locate(DialogContext dc)
    {
        if (dc.Stack.Count == 0) return null;
        var offboarding = dc.FindInstance(OffboardingDialog.DialogId);
        var screen = dc.FindInstance(CancelDialog.DialogId) is not null ? OffboardingSteps.ConfirmCancel
            : offboarding is not null ? _offboarding.CurrentScreen(offboarding)
            : OffboardingSteps.ResumeOffer;
        return new Place(screen, offboarding, dc.FindInstance(ResumeDialog.DialogId));
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
            await _handoff.RequestAsync(Guided(dc), ct);
            return;
        }
        if (intent == Intents.Help)
        {
            Say(context, OffboardingTexts.Help(OffboardingSteps.Overview));
            return;
        }
        if (await _savedPlaces.FindAsync(context.Activity, ct) is { } saved)
        {
            if (saved.Progress is { } progress)
            {
                await dc.BeginDialogAsync(ResumeDialog.DialogId,
                    new ResumeDialog.ResumeState { Saved = progress.State, Screen = progress.Screen, SavedAt = saved.SavedAt }, ct);
                return;
            }
            Say(context, OffboardingTexts.OutdatedSave);
            await dc.BeginDialogAsync(OffboardingDialog.DialogId, null, ct);
            return;
        }
        if (intent == Intents.Start)
        {
            await dc.BeginDialogAsync(OffboardingDialog.DialogId, null, ct);
            return;
        }
        var welcome = _cards.Welcome();
        welcome.Text = OffboardingTexts.Welcome;
        context.SendActivity(welcome);
    }

    private async Task SignedInAsync(DialogContext dc, Place? place, CancellationToken ct)
    {
        Say(dc.Context, OffboardingTexts.SignedIn(OffboardingTurn.Of(dc.Context).Identity?.Name));
        if (place?.Offboarding is not null && place.Screen != OffboardingSteps.ConfirmCancel)
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
        else if (place is not null)
            await dc.RepromptDialogAsync(ct);
    }

    private async Task HelpAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        Say(dc.Context, OffboardingTexts.Help(place.Screen));
        await dc.RepromptDialogAsync(ct);
    }

    // The handoff owns the conversation from here; the place in the flow stays as it is until the customer is handed back.
    private Task SupportAsync(DialogContext dc, Place place, CancellationToken ct) => _handoff.RequestAsync(Guided(dc), ct);

    private const string GuidedKey = "closurebot.guided-conversation";

    private static GuidedConversation Guided(DialogContext dc) => (GuidedConversation)dc.Context.TurnState[GuidedKey];

    private async Task StatusAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        var (state, screen) = place.Offboarding is { } active
            ? (_offboarding.ReadState(active), _offboarding.CurrentScreen(active))
            : (_resume.ReadState(place.Resume!).Saved ?? new OffboardingState(), _resume.ReadState(place.Resume!).Screen);
        // Figures only for someone who may see them: the card shows the step, and what remains only when allowed.
        var decision = state.AccountAlias is { } alias ? _access.Decide(OffboardingTurn.Of(dc.Context).Identity, alias) : AccountAccessDecision.SignInRequired;
        var allowed = decision is AccountAccessDecision.Verified or AccountAccessDecision.Unverified;
        var account = allowed ? await _inventory.FindAsync(state.AccountAlias!, ct) : null;
        dc.Context.SendActivity(_cards.Progress(state.AccountAlias, screen, account, decision == AccountAccessDecision.Verified,
            $"You're at {OffboardingSteps.Describe(screen)}."));
        await dc.RepromptDialogAsync(ct);
    }

    private async Task CheckAgainAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        if (place.Offboarding is not null && place.Screen != OffboardingSteps.ConfirmCancel)
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
        else
            await dc.RepromptDialogAsync(ct);
    }

    private async Task RemindLaterAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        var screen = place.Offboarding is { } active ? _offboarding.CurrentScreen(active) : _resume.ReadState(place.Resume!).Screen;
        Say(dc.Context, OffboardingTexts.RemindLater(screen));
        await dc.CancelAllDialogsAsync(ct);
        OffboardingTurn.Of(dc.Context).Outcome = OffboardingOutcome.Paused;
    }

    private async Task CancelAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        if (place.Screen == OffboardingSteps.ConfirmCancel)
            await dc.RepromptDialogAsync(ct);
        else
            await dc.BeginDialogAsync(CancelDialog.DialogId, null, ct);
    }

    private async Task AlreadyStartedAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        if (place.Offboarding is not null) Say(dc.Context, OffboardingTexts.AlreadyStarted(place.Screen));
        await dc.RepromptDialogAsync(ct);
    }

    private static void Say(ITurnContext context, string text) => context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Where a conversation stands (see <see cref="Locate"/>).</summary>
    private sealed record Place(string Screen, DialogInstance? Offboarding, DialogInstance? Resume);
}
