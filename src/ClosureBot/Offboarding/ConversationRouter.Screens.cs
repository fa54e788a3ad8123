using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using ClosureBot.Understanding;

namespace ClosureBot.Offboarding;

public sealed partial class ConversationRouter
{
    /// <summary>
    /// Readings that belong to the screen the customer is at, weighed before the question's own reading: a named account
    /// at the overview, "I've deleted them now" at "continue anyway?", nothing to copy at step 1, a task that does not
    /// work at steps 1–3, another account named mid-flow, and a question left in the previous language. True when one
    /// answered the turn.
    /// </summary>
    private async Task<bool> ReadAtTheScreenAsync(DialogContext dc, Place place, CancellationToken ct)
    {
        var context = dc.Context;
        var t = CustomerLocale.TextsOf(context);
        if (place.Screen == OffboardingSteps.Overview && !dc.ActiveDialogRecognizesAnswer() && await _offboarding.TryStartWithNamedAccountAsync(dc, ct))
            return true;
        // At "… remain. Continue anyway?", "I've deleted them now" asks for a fresh look, not to go on with them still there.
        if (place.Offboarding is { } flow && context.Activity.Value is null && _offboarding.AsksToContinueAnyway(flow) && !dc.ActiveDialogRecognizesAnswer()
            && AnswerReader.Read(context.Activity.Text, context.Activity.Locale) == AnswerKind.Done)
        {
            await CheckAgainAsync(dc, place, ct);
            return true;
        }
        // At step 1, "I don't need any data" is no "not yet" (how the step's prompt reads a negation): there is nothing to
        // copy. The bot says so; Done stays the customer's to choose, as the flow cannot be undone.
        if (place.Screen == OffboardingSteps.RetrieveData && place.Offboarding is { } retrieving && context.Activity.Value is null
            && NothingToKeepReader.Says(context.Activity.Text, context.Activity.Locale) && !dc.ActiveDialogRecognizesAnswer())
        {
            Say(context, t.Format(TextId.NothingToKeep, _offboarding.PeekState(retrieving).AccountAlias));
            await AskAgainAsync(dc, place, ct);
            return true;
        }
        if (TryOfferSupportForTrouble(dc, place)) return true;
        // "close INIT too" while closing ACME: one closure at a time. Not where naming an account is the answer (the account
        // question, the typed confirmation at step 4, "Shall we start?").
        // The alias lookup (a word at a time, in memory) comes before reading the answer, which every step turn would pay.
        if (place.Offboarding is { } closure && place.Screen is not (OffboardingSteps.Overview or OffboardingSteps.Account or OffboardingSteps.RequestClose)
            && context.Activity.Value is null && _offboarding.PeekState(closure).AccountAlias is { } closing
            && await _offboarding.AccountNamedInAsync(context, ct) is { } other && !string.Equals(other, closing, StringComparison.OrdinalIgnoreCase)
            && !dc.ActiveDialogRecognizesAnswer())
        {
            Say(context, t.Format(TextId.OneClosureAtATime, closing, other));
            await AskAgainAsync(dc, place, ct);
            return true;
        }
        // The question waiting was asked in the customer's previous language: one that is not answered is shown again in the new one.
        if (OffboardingTurn.Of(context).LanguageChanged && place.AtAStep
            && !dc.ActiveDialogRecognizesAnswer())
        {
            await _offboarding.GoToStepAsync(dc, place.Screen, ct);
            return true;
        }
        return false;
    }

    // At a step the customer does in the portal, "the portal won't let me delete a server" is a problem to solve, not
    // a "not yet": it gets an offer of support beside the question's own buttons, and the place stays. So does the same
    // trouble asked as a question ("what if a server won't delete?").
    private bool TryOfferSupportForTrouble(DialogContext dc, Place place)
    {
        var activity = dc.Context.Activity;
        if (place.Offboarding is not { } doing || place.Screen is not (OffboardingSteps.RetrieveData or OffboardingSteps.DeleteServers or OffboardingSteps.DeleteServices)
            || activity.Value is not null || !TroubleReader.Says(activity.Text, activity.Locale) || dc.ActiveDialogRecognizesAnswer())
            return false;
        OfferSupportForTrouble(dc.Context, place.Screen, _offboarding.AsksToContinueAnyway(doing));
        return true;
    }

    // The offer and the question still waiting in one message: a client shows only the last message's buttons.
    private static void OfferSupportForTrouble(ITurnContext context, string screen, bool continueAnyway)
    {
        var t = CustomerLocale.TextsOf(context);
        var choices = StepChoices.Of(t);
        var waiting = continueAnyway ? choices.YesNo : screen == OffboardingSteps.RetrieveData ? choices.RetrieveData : choices.Remaining;
        context.SendActivity(new Activity
        {
            Type = ActivityTypes.Message,
            Text = t[TextId.StepTrouble],
            InputHint = InputHints.ExpectingInput,
            SuggestedActions = new SuggestedActions
            {
                Actions = [OffboardingDialog.SupportButton(t[TextId.TalkToSupport], "support", "stuck"), .. waiting.Select(c => CardAction.ImBack(c.DisplayTitle))],
            },
        });
    }
}
