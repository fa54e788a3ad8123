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
    /// No closure under way: after one ended, the bot still knows how it ended; after the welcome (the first, or one shown
    /// again since the closure ended), a yes or no answers its question (start, or not now); otherwise it welcomes.
    /// </summary>
    private async Task IdleAsync(DialogContext dc, ConversationData data, Interruption? interruption, CancellationToken ct)
    {
        var activity = dc.Context.Activity;
        var t = CustomerLocale.TextsOf(dc.Context);
        var ended = data.Ended;
        var intent = interruption?.Intent;
        var typed = activity.Value is null && intent is null;
        var answer = typed ? AnswerReader.Read(activity.Text, activity.Locale) : AnswerKind.None;
        var question = typed && MessageReader.IsQuestion(activity.Text, activity.Locale);
        var welcomeWaiting = data.Welcomed && (ended is null || ended.WelcomedAgain);
        // After being sent to sales, "how do I contact them?" is about the sales representative.
        var answered = question
            ? _knowledge.Answer(CustomerLocale.Of(dc.Context), activity.Text, ended?.Outcome == OffboardingOutcome.RedirectedToSales ? OffboardingSteps.SentToSales : null)
            : default;
        // After a closure was requested, help is how it ended and what can come next; the welcome's help would offer to
        // begin a closure with a yes that no longer begins one.
        if (intent is Intents.Help && ended is { Outcome: OffboardingOutcome.Requested })
            SayEnded(dc.Context, ended, offerSupport: true);
        // Regret right after the request ("I changed my mind", "cancel my closure request"): the sent request stands, and
        // support is who can talk it through. The welcome's "Would you like to start?" would not hear it.
        else if (intent is Intents.Cancel && ended is { Outcome: OffboardingOutcome.Requested })
            SayEnded(dc.Context, ended, offerSupport: true, TextId.EndedCannotUndo);
        else if (intent is Intents.Start or Intents.Support or Intents.Help)
        {
            await GreetAsync(dc, intent, ct);
            // Help here ends with the welcome's question ("Answer yes to begin, or no to stop here").
            if (intent is Intents.Help) WelcomeWaits(data);
        }
        else if (welcomeWaiting && answer == AnswerKind.Yes)
            await GreetAsync(dc, Intents.Start, ct);
        else if (welcomeWaiting && answer == AnswerKind.No)
            Say(dc.Context, t[TextId.WelcomeDeclined]);
        // After the end, a question about the reference asks for the status, which carries it.
        else if (ended is not null && (intent == Intents.Status || question && TopicReader.Read(activity.Text, []) == KnowledgeTopic.Reference))
            SayEnded(dc.Context, ended, offerSupport: false);
        // After a closure ended any question is answered; before one, a question the knowledge base answers (the unknown
        // ones further down).
        else if (question && (ended is not null || answered.Topic is not null))
            SendAnswer(dc.Context, answered);
        else if (answer == AnswerKind.Thanks)
            Say(dc.Context, t[ended is null ? TextId.GoodbyeMidway : TextId.Goodbye]);
        else if (ended is not null && activity.GetValueString("step") is not null)
            Say(dc.Context, t.Format(TextId.StaleAfterEnd, ReplyTexts.Ended(t, ended.Outcome, ended.AccountAlias, ended.Reference)));
        // A message that names one of the customer's accounts ("close ACME", "ACME kündigen", just "ACME") asks to close
        // it: the closure starts with that account. Not right after a closure that ended with that account (requested,
        // sent to sales) or after a cancelled one (which keeps no account): the name is then more likely a late answer to
        // that closure, and gets how it ended or the welcome below, whose yes starts afresh.
        else if (typed && await _offboarding.AccountNamedInAsync(dc.Context, ct) is { } named
                 && (ended is null || ended.AccountAlias is { } endedWith && !string.Equals(named, endedWith, StringComparison.OrdinalIgnoreCase)))
            await GreetAsync(dc, Intents.Start, ct);
        // After a closure was requested, words the bot does not read ("ok", "hello", "hmm") get how it ended, not the
        // welcome card again: its "Shall we start?" would offer to close an account whose closure is already requested.
        // After one that requested nothing (cancelled, sent to sales) the welcome is right; saved progress elsewhere is
        // still offered by the welcome.
        else if (ended is { Outcome: OffboardingOutcome.Requested } && intent is null && await _savedPlaces.FindAsync(activity, ct) is null)
            SayEnded(dc.Context, ended, offerSupport: false);
        // Before any closure, a question about closing that the knowledge base cannot answer is admitted and offered
        // support; the welcome follows when it was not shown yet, so the customer learns what the bot does. An off-topic
        // question gets the welcome alone (below).
        else if (question && TopicReader.IsAboutTheAccount(activity.Text))
        {
            SendAnswer(dc.Context, answered, withButtons: welcomeWaiting);
            if (!welcomeWaiting)
            {
                await GreetAsync(dc, intent, ct);
                WelcomeWaits(data);
            }
        }
        else
        {
            await GreetAsync(dc, intent, ct);
            WelcomeWaits(data);
        }
    }

    // The welcome's question is the one waiting: a yes or no typed next answers it. How the last closure ended is still
    // known ("status").
    private static void WelcomeWaits(ConversationData data)
    {
        data.Welcomed = true;
        if (data.Ended is { } ended) data.Ended = ended with { WelcomedAgain = true };
    }

    // then: what follows the outcome (by default how to close another account).
    private static void SayEnded(ITurnContext context, EndedFlow ended, bool offerSupport, TextId then = TextId.EndedStartAgain)
    {
        var t = CustomerLocale.TextsOf(context);
        var reply = new Activity { Type = ActivityTypes.Message, Text = $"{ReplyTexts.Ended(t, ended.Outcome, ended.AccountAlias, ended.Reference)} {t[then]}" };
        if (offerSupport) reply.SuggestedActions = new SuggestedActions { Actions = [OffboardingDialog.SupportButton(t[TextId.TalkToSupport], "support", "help after the end")] };
        context.SendActivity(reply);
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
            Say(context, OffboardingTexts.Help(CustomerLocale.TextsOf(context), OffboardingSteps.Overview, _support.Value.ServiceTaskUrl));
            return;
        }
        if (await _savedPlaces.FindAsync(context.Activity, ct) is { } saved)
        {
            if (saved.Progress is { } progress)
            {
                // An account named in the message ("close EMPTY") is kept: a start over begins with it.
                await dc.BeginDialogAsync(ResumeDialog.DialogId, new ResumeDialog.ResumeState
                {
                    Saved = progress.State, Screen = progress.Screen, SavedAt = saved.SavedAt,
                    Named = await _offboarding.StateNamedInAsync(context, ct),
                }, ct);
                return;
            }
            Say(context, CustomerLocale.TextsOf(context)[TextId.OutdatedSave]);
            await _offboarding.BeginAsync(dc, ct);
            return;
        }
        if (intent == Intents.Start)
        {
            await _offboarding.BeginAsync(dc, ct);
            return;
        }
        // "status" before anything started is answered before the welcome says what the bot does.
        if (intent == Intents.Status) Say(context, CustomerLocale.TextsOf(context)[TextId.NothingUnderWay]);
        // The card says the welcome; the same words again as text would repeat it.
        context.SendActivity(_cards.Welcome(CustomerLocale.Of(context)));
    }

}
