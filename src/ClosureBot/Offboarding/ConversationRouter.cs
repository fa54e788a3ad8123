using ClosureBot.Accounts;
using ClosureBot.Channels;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Recognition;
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
            // Every end of the flow comes after the account's lookups, so no end is known here today; were one ever, what it
            // decided (a closure request) would still be written, and only the outcome would become abandonment.
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
            // A later step's button comes from a card of a conversation that got further, or shown before going back.
            Say(context, OffboardingTexts.Stale(t, place.Screen, buttonIsLater: _offboarding.OrderOf(cardStep) > _offboarding.OrderOf(place.Screen)));
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
        // The name is the provider's: said as plain text, never Markdown a client would render as a link or an image.
        dc.Context.SendActivity(OffboardingDialog.PlainMessage(OffboardingTexts.SignedIn(CustomerLocale.TextsOf(dc.Context), OffboardingTurn.Of(dc.Context).Identity?.Name)));
        if (place?.AtAStep is true)
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
        else if (place is not null)
            await dc.RepromptDialogAsync(ct);
    }

    private const string GuidedKey = "closurebot.guided-conversation";

    private static GuidedConversation Guided(DialogContext dc) => (GuidedConversation)dc.Context.TurnState[GuidedKey];

    private static void Say(ITurnContext context, string text) => context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Where a conversation stands (see <see cref="Locate"/>).</summary>
    private sealed record Place(string Screen, DialogInstance? Offboarding, DialogInstance? Resume)
    {
        /// <summary>At a screen of the closure itself (not the cancel question or the resume offer): one that can be shown again.</summary>
        public bool AtAStep => Offboarding is not null && Screen != OffboardingSteps.ConfirmCancel;
    }
}
