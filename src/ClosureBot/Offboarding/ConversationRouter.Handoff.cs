using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Handoff;
using ClosureBot.Identity;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

public sealed partial class ConversationRouter
{
    /// <summary>
    /// The flow's side of one turn, as the handoff sees it: where the customer stands, and the moves only the flow can
    /// make (ask again, jump to a screen with the facts an agent verified, end).
    /// </summary>
    private sealed class GuidedConversation(ConversationRouter router, DialogContext dc, ConversationData data) : IGuidedConversation
    {
        public ITurnContext Context => dc.Context;

        public string? TicketId
        {
            get => data.HandoffTicketId;
            set => data.HandoffTicketId = value;
        }

        public RecentActivities Recent => data.Recent ??= new RecentActivities();

        public string? Screen => router.Locate(dc)?.Screen;

        public string? AccountAlias => FlowState()?.AccountAlias ?? ButtonAlias();

        public bool Verified => AccountAlias is { } alias
            && router._access.Decide(OffboardingTurn.Of(dc.Context).Identity, alias) == AccountAccessDecision.Verified;

        public async Task CarryOnAsync(CancellationToken ct)
        {
            var place = router.Locate(dc);
            if (place?.AtAStep is true)
                await router._offboarding.GoToStepAsync(dc, place.Screen, ct);
            else if (place is not null)
                await dc.RepromptDialogAsync(ct);
            else
                await router.GreetAsync(dc, intent: null, ct);
        }

        public async Task ResumeAtAsync(string screen, IReadOnlyList<VerifiedFact> facts, CancellationToken ct)
        {
            if (!router._offboarding.IsScreen(screen)) throw new ArgumentException($"No screen {screen} in this version of the flow.", nameof(screen));
            var state = FlowState() ?? new OffboardingState();
            state.Misses = 0;
            state.ResumeAt = null;
            if (facts.Contains(VerifiedFact.DataRetrieved)) state.DataRetrievedPerSupport = state.DataRetrievalAcknowledged = true;
            if (facts.Contains(VerifiedFact.NoTermCommitment)) state.NoTermCommitmentPerSupport = true;
            // Handed back at the account: the customer chooses it again (and its exception is checked again).
            if (screen == OffboardingSteps.Account) (state.AccountAlias, state.AccountName, state.HasTermCommitment) = (null, null, null);
            // The exception comes first: a numbered step is reached only once the term commitment is settled. What the
            // agent verified counts as done, so the bot does not ask it again.
            if (OffboardingSteps.NumberOf(screen) > 0 && state.HasTermCommitment is not false && !state.NoTermCommitmentPerSupport)
                screen = OffboardingSteps.TermCommitment;
            if (screen == OffboardingSteps.TermCommitment && state.NoTermCommitmentPerSupport) screen = OffboardingSteps.RetrieveData;
            if (screen == OffboardingSteps.RetrieveData && state.DataRetrievedPerSupport) screen = OffboardingSteps.DeleteServers;
            if (state.AccountAlias is null && screen is not (OffboardingSteps.Overview or OffboardingSteps.Account)) screen = OffboardingSteps.Account;
            var t = CustomerLocale.TextsOf(dc.Context);
            Say(dc.Context, t.Format(TextId.WeAreAt, OffboardingSteps.Describe(t, screen)));
            await dc.CancelAllDialogsAsync(ct);
            await dc.BeginDialogAsync(OffboardingDialog.DialogId, new WaterfallStart<OffboardingState>(state, screen), ct);
        }

        public async Task EndAsync(CancellationToken ct)
        {
            Say(dc.Context, CustomerLocale.TextsOf(dc.Context)[TextId.EndedBySupport]);
            if (dc.FindInstance(OffboardingDialog.DialogId) is not null)
                await dc.CancelAllDialogsAsync(new OffboardingResult(OffboardingOutcome.Abandoned), ct);
            else
                await dc.CancelAllDialogsAsync(ct);
        }

        // A button offered after the flow ended (the sales exception) names the account it was about. The client sends
        // the button's value, so the alias counts only where this turn's customer may name that account: a forged one
        // would otherwise file a ticket about someone else's account and put its resources in the handoff's event.
        private string? ButtonAlias() =>
            dc.Stack.Count == 0 && dc.Context.Activity.GetValueString("accountAlias") is { Length: > 0 and <= 32 } alias
            && router._access.Decide(OffboardingTurn.Of(dc.Context).Identity, alias) is not (AccountAccessDecision.SignInRequired or AccountAccessDecision.NotTheirs)
                ? alias : null;

        private OffboardingState? FlowState()
        {
            if (dc.FindInstance(OffboardingDialog.DialogId) is { } active) return router._offboarding.ReadState(active);
            return dc.FindInstance(ResumeDialog.DialogId) is { } resume ? router._resume.ReadState(resume).Saved : null;
        }
    }
}
