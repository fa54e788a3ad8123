using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Identity;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Understanding;

namespace ClosureBot.Offboarding;

// The interruptions' handlers, one per intent of the table in the constructor, and what they share.
public sealed partial class ConversationRouter
{
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
}
