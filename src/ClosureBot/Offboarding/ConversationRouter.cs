using ClosureBot.Accounts;
using ClosureBot.Channels;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Handoff;
using ClosureBot.Identity;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using ClosureBot.Understanding;
using Microsoft.Extensions.Options;

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
    private readonly KnowledgeBase _knowledge;
    private readonly HandoffConversations _handoff;
    private readonly IOptions<SupportOptions> _support;
    private readonly Dictionary<string, Func<DialogContext, Place, CancellationToken, Task>> _interruptions;

    public ConversationRouter(DialogSet dialogs, OffboardingDialog offboarding, ResumeDialog resume, OffboardingCards cards,
        IAccountInventory inventory, AccountAccess access, SavedPlaces savedPlaces, KnowledgeBase knowledge, HandoffConversations handoff,
        IOptions<SupportOptions> support)
    {
        _support = support;
        (_dialogs, _offboarding, _resume, _cards, _inventory, _access, _savedPlaces, _knowledge) = (dialogs, offboarding, resume, cards, inventory, access, savedPlaces, knowledge);
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
            [Intents.Back] = BackAsync,
            [Intents.TermCommitment] = TermCommitmentAsync,
        };
    }

    /// <summary>
    /// Runs one turn of the conversation <paramref name="data"/> holds, changing it in place. Returns how the closure
    /// ended in this turn, with what the commit writes for that end; null when it did not end.
    /// </summary>
    public async Task<OffboardingResult?> HandleAsync(ITurnContext context, ConversationData data, CancellationToken ct)
    {
        var dc = _dialogs.CreateContext(context, data.Dialog);
        var guided = new GuidedConversation(this, dc, data);
        context.TurnState[GuidedKey] = guided;
        OffboardingResult? ended;
        try
        {
            // A conversation that never asked for a person has no ticket: the handoff costs it nothing.
            if (!HandoffConversations.Owns(context, data.HandoffTicketId) || !await _handoff.HandleAsync(guided, ct))
                await RouteAsync(dc, data, ct);
            if (context.Activity.Type != ActivityTypes.Message) data.Welcomed = true;
            ended = dc.RootResult as OffboardingResult;
            TurnScreen.Set(context, Locate(dc)?.Screen);
        }
        catch (AccountGoneException gone)
        {
            context.ClearReplies();
            Say(context, CustomerLocale.TextsOf(context).Format(TextId.AccountGone, gone.Alias));
            dc.Stack.Clear();
            // Whatever the turn decided before the account went missing is still written; only the end is abandonment.
            ended = dc.RootResult is OffboardingResult before ? before with { Outcome = OffboardingOutcome.Abandoned } : new OffboardingResult(OffboardingOutcome.Abandoned);
        }
        RememberEnding(dc, data, ended);
        return ended;
    }

    // The one place that writes how the last closure ended: set when it ends, cleared when a new one is under way.
    private static void RememberEnding(DialogContext dc, ConversationData data, OffboardingResult? ended)
    {
        if (dc.Stack.Count > 0) data.Ended = null;
        else if (ended is { IsToldLater: true }) data.Ended = new EndedFlow(ended.Outcome, ended.AccountAlias, ended.Reference);
    }

    private async Task RouteAsync(DialogContext dc, ConversationData data, CancellationToken ct)
    {
        var welcomed = data.Welcomed;
        var context = dc.Context;
        var t = CustomerLocale.TextsOf(context);
        if (dc.DropOutdated()) Say(context, t[TextId.Outdated]);
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
        // A term commitment named as a fact interrupts only once its question is behind the customer; before it and at
        // it, idle or asked whether to stop, the message is read as it always was (at the question, it is its answer).
        if (interruption is { Intent: Intents.TermCommitment } && !PastTheTermCommitment(place)) interruption = null;
        if (place is null)
        {
            await IdleAsync(dc, data, interruption, ct);
            return;
        }

        if (place.AtAStep
            && context.Activity.GetValueString("step") is { } cardStep && cardStep != place.Screen
            && interruption is null or { Intent: Intents.CheckAgain })
        {
            Say(context, OffboardingTexts.Stale(t, place.Screen));
            await dc.RepromptDialogAsync(ct);
            return;
        }

        if (interruption is { } found && (found.Whole || !dc.ActiveDialogRecognizesAnswer()))
        {
            await _interruptions[found.Intent](dc, place, ct);
            return;
        }
        if (context.Activity.Value is null && MessageReader.IsQuestion(context.Activity.Text, context.Activity.Locale))
        {
            // "What if a server won't delete?" at a step done in the portal is the trouble it names.
            if (TryOfferSupportForTrouble(dc, place)) return;
            // The answer's offer (Talk to support, Talk to sales) ends up beside the question's buttons: OfferButtonsShaper.
            SendAnswer(context, _knowledge.Answer(CustomerLocale.Of(context), context.Activity.Text, place.Screen));
            await AskAgainAsync(dc, place, ct);
            return;
        }
        if (context.Activity.Value is null && AnswerReader.Read(context.Activity.Text, context.Activity.Locale) == AnswerKind.Thanks)
        {
            Say(context, t[TextId.GoodbyeMidway]);
            await AskAgainAsync(dc, place, ct);
            return;
        }
        if (await ReadAtTheScreenAsync(dc, place, ct)) return;
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
            Say(dc.Context, CustomerLocale.TextsOf(dc.Context)[TextId.Outdated]);
            await GreetAsync(dc, Intents.Start, ct);
        }
    }

    // withButtons false: a card with its own Talk to support button follows.
    private static void SendAnswer(ITurnContext context, (string Text, KnowledgeTopic? Topic) answer, bool withButtons = true)
    {
        var (text, topic) = answer;
        var t = CustomerLocale.TextsOf(context);
        var reply = new Activity { Type = ActivityTypes.Message, Text = text };
        // An unknown question is offered support, as is one about whether a person answers; a question about the sales
        // representative, the sales team.
        if (withButtons && topic is null or KnowledgeTopic.AboutTheBot) reply.SuggestedActions = new SuggestedActions { Actions = [OffboardingDialog.SupportButton(t[TextId.TalkToSupport], "support", "unanswered question")] };
        else if (withButtons && topic == KnowledgeTopic.SalesContact) reply.SuggestedActions = new SuggestedActions { Actions = [OffboardingDialog.SupportButton(t[TextId.TalkToSales], HandoffQueues.Sales, "term-commitment")] };
        context.SendActivity(reply);
    }

    private async Task SignedInAsync(DialogContext dc, Place? place, CancellationToken ct)
    {
        Say(dc.Context, OffboardingTexts.SignedIn(CustomerLocale.TextsOf(dc.Context), OffboardingTurn.Of(dc.Context).Identity?.Name));
        if (place?.AtAStep is true)
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
        else if (place is not null)
            await dc.RepromptDialogAsync(ct);
    }

    private async Task HelpAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        // "¿Qué hago si un servidor no se deja borrar?" asks for help with a trouble it names: support is offered for it.
        if (TryOfferSupportForTrouble(dc, place)) return;
        Say(dc.Context, OffboardingTexts.Help(CustomerLocale.TextsOf(dc.Context), place.Screen, _support.Value.ServiceTaskUrl));
        await AskAgainAsync(dc, place, ct);
    }

    /// <summary>
    /// The step's question again after an aside (an answer, help, where the customer stands, thanks). When this message
    /// changed the customer's language, the step is shown again in it: the question waiting was asked in the old one.
    /// </summary>
    private async Task AskAgainAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        if (OffboardingTurn.Of(dc.Context).LanguageChanged && place.AtAStep)
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
        else
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
        var locale = CustomerLocale.Of(dc.Context);
        dc.Context.SendActivity(_cards.Progress(locale, state.AccountAlias, screen, account, decision == AccountAccessDecision.Verified,
            locale.Texts.Format(TextId.YouAreAt, OffboardingSteps.Describe(locale.Texts, screen))));
        await AskAgainAsync(dc, place, ct);
    }

    private async Task CheckAgainAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        if (place.AtAStep)
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
        else
            await dc.RepromptDialogAsync(ct);
    }

    private async Task RemindLaterAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        var screen = place.Offboarding is { } active ? _offboarding.CurrentScreen(active) : _resume.ReadState(place.Resume!).Screen;
        Say(dc.Context, OffboardingTexts.RemindLater(CustomerLocale.TextsOf(dc.Context), screen));
        await dc.CancelAllDialogsAsync(new OffboardingResult(OffboardingOutcome.Paused), ct);
    }

    private async Task CancelAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        if (place.Screen == OffboardingSteps.ConfirmCancel)
            await dc.RepromptDialogAsync(ct);
        else
            await dc.BeginDialogAsync(CancelDialog.DialogId, null, ct);
    }

    // Back one screen, with what the customer answered there forgotten, so it is asked afresh; nothing is requested on the
    // way back (the request is only ever made by the typed confirmation at step 4).
    private async Task BackAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        var t = CustomerLocale.TextsOf(dc.Context);
        if (place.Offboarding is not { } flow || place.Screen == OffboardingSteps.ConfirmCancel)
        {
            await dc.RepromptDialogAsync(ct);
            return;
        }
        if (_offboarding.ScreenBefore(flow) is not { } screen)
        {
            Say(dc.Context, t[TextId.BackAtStart]);
            await dc.RepromptDialogAsync(ct);
            return;
        }
        await ShowAgainFromAsync(dc, place, flow, screen, ct);
    }

    // A term commitment named after the customer answered that question (or the record answered it) is the article's
    // exception: the term commitment is asked again, with what was answered from there on forgotten.
    private async Task TermCommitmentAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        Say(dc.Context, CustomerLocale.TextsOf(dc.Context)[TextId.TermCommitmentMentioned]);
        await ShowAgainFromAsync(dc, place, place.Offboarding!, OffboardingSteps.TermCommitment, ct);
    }

    private bool PastTheTermCommitment(Place? place) =>
        place is { Offboarding: not null } && place.Screen != OffboardingSteps.ConfirmCancel
        && _offboarding.OrderOf(place.Screen) > _offboarding.OrderOf(OffboardingSteps.TermCommitment);

    // Shows <screen> again (and, when it skips itself, the one before it), with what was answered from there on forgotten.
    private async Task ShowAgainFromAsync(DialogContext dc, Place place, DialogInstance flow, string screen, CancellationToken ct)
    {
        var state = _offboarding.ReadState(flow);
        state.Misses = 0;
        state.ResumeAt = null;
        while (true)
        {
            Forget(state, screen);
            await dc.CancelAllDialogsAsync(ct);
            await dc.BeginDialogAsync(OffboardingDialog.DialogId, new WaterfallStart<OffboardingState>(state, screen), ct);
            // A screen that skips itself (the term commitment known from the record, a verified customer's only account)
            // leads straight back to where the customer stood: go one further back, showing nothing of the skipped try.
            if (screen == place.Screen || Locate(dc)?.Screen != place.Screen || _offboarding.ScreenBefore(screen) is not { } earlier) return;
            dc.Context.ClearReplies();
            screen = earlier;
        }
    }

    // What the customer answered at a screen and after it is forgotten when they go back to it, so it is asked afresh.
    private void Forget(OffboardingState state, string screen)
    {
        var from = _offboarding.OrderOf(screen);
        bool From(string later) => from <= _offboarding.OrderOf(later);
        if (From(OffboardingSteps.Account)) (state.AccountAlias, state.AccountName) = (null, null);
        if (From(OffboardingSteps.TermCommitment)) state.HasTermCommitment = null;
        if (From(OffboardingSteps.RetrieveData)) state.DataRetrievalAcknowledged = state.DataRetrievedPerSupport;
        if (From(OffboardingSteps.DeleteServers)) state.ContinuedWithServersRemaining = false;
        if (From(OffboardingSteps.DeleteServices)) state.ContinuedWithServicesRemaining = false;
    }

    // A closure intent while one is under way: "start over" begins again at the overview (nothing is requested), or at the
    // resume offer answers it "No, start over"; anything else is told where the closure stands.
    private async Task AlreadyStartedAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        var activity = dc.Context.Activity;
        var restart = activity.Value is null && IntentReader.IsRestart(activity.Text);
        if (restart && place.Offboarding is { } flow && place.Screen is not (OffboardingSteps.ConfirmCancel or OffboardingSteps.Overview))
        {
            await ShowAgainFromAsync(dc, place, flow, OffboardingSteps.Overview, ct);
            return;
        }
        if (restart && place.Offboarding is null && place.Resume is not null && place.Screen == OffboardingSteps.ResumeOffer)
        {
            await _resume.GoToStepAsync(dc, ResumeDialog.AnswerStep, false, ct);
            return;
        }
        if (place.Offboarding is not null) Say(dc.Context, OffboardingTexts.AlreadyStarted(CustomerLocale.TextsOf(dc.Context), place.Screen));
        await dc.RepromptDialogAsync(ct);
    }

    private static void Say(ITurnContext context, string text) => context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Where a conversation stands (see <see cref="Locate"/>).</summary>
    private sealed record Place(string Screen, DialogInstance? Offboarding, DialogInstance? Resume)
    {
        /// <summary>At a screen of the closure itself (not the cancel question or the resume offer): one that can be shown again.</summary>
        public bool AtAStep => Offboarding is not null && Screen != OffboardingSteps.ConfirmCancel;
    }
}
