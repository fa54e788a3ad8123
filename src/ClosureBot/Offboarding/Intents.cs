using ClosureBot.Dialogs.Prompts;
using ClosureBot.Protocol.Activities;
using ClosureBot.Understanding;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the customer wants besides answering the current question: a card button's <c>action</c>, or typed words
/// (read by <see cref="IntentReader"/> in the conversation's language and English).
/// Typed words are <see cref="Interruption.Whole"/> when the whole message is the interruption ("talk to support",
/// "cancel please"), and not when the interruption only appears inside a longer message ("done, I asked the support
/// agent about it"); the router lets the latter win only when the message is no answer to the current question.
/// </summary>
public static class Intents
{
    public const string Start = "start";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Support = "support";
    public const string Status = "status";
    public const string CheckAgain = "check-again";
    public const string RemindLater = "remind-later";
    public const string Back = "back";
    public const string TermCommitment = "term-commitment";

    /// <summary>The interruption <paramref name="activity"/> asks for, or null when it is (maybe) an answer.</summary>
    public static Interruption? Recognize(Activity activity)
    {
        if (activity.GetValueString(Prompt<object>.SubmitActionField) is { } action)
            return action is Start or Help or Cancel or Support or Status or CheckAgain or RemindLater ? new Interruption(action, Whole: true) : null;
        if (IntentReader.Read(activity.Text, activity.Locale) is not { } found || Of(found.Kind) is not { } intent) return null;
        // "Is there a fee to close my account?" names the closure but asks a question the knowledge base answers; it is
        // no request to start (or, mid-flow, a reason to say the closure is under way).
        if (intent == Start && MessageReader.IsQuestion(activity.Text, activity.Locale) && TopicReader.Read(activity.Text, []) is not null) return null;
        // Nor is "can I cancel my closure request later?" a wish to stop: it asks whether a request can be undone.
        if (intent == Cancel && MessageReader.IsQuestion(activity.Text, activity.Locale) && TopicReader.Read(activity.Text, []) == KnowledgeTopic.RequestToClose) return null;
        // Nor is "is this a real person?" a request for one: it asks what answers, and the answer offers support.
        if (intent == Support && MessageReader.IsQuestion(activity.Text, activity.Locale) && TopicReader.Read(activity.Text, []) == KnowledgeTopic.AboutTheBot) return null;
        return new Interruption(intent, found.Whole);
    }

    private static string? Of(MessageKind kind) => kind switch
    {
        MessageKind.Start => Start,
        MessageKind.Help => Help,
        MessageKind.Cancel => Cancel,
        MessageKind.Support => Support,
        MessageKind.Status => Status,
        MessageKind.CheckAgain => CheckAgain,
        MessageKind.RemindLater => RemindLater,
        MessageKind.Back => Back,
        MessageKind.TermCommitment => TermCommitment,
        _ => null,
    };
}

/// <summary>An interruption a message asks for, and whether the whole message is that interruption.</summary>
public sealed record Interruption(string Intent, bool Whole);
