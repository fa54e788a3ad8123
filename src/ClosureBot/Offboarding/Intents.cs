using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the customer wants besides answering the current question: a card button's <c>action</c>, or typed words.
/// Typed words are <see cref="Interruption.Whole"/> when the whole message is the interruption ("talk to support",
/// "cancel please"), and not when the interruption only appears inside a longer message ("done, I asked the support
/// agent about it"); the router lets the latter win only when the message is no answer to the current question.
/// </summary>
public static partial class Intents
{
    public const string Start = "start";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Support = "support";
    public const string Status = "status";
    public const string CheckAgain = "check-again";
    public const string RemindLater = "remind-later";

    /// <summary>Longer messages are never read as an interruption (nor fed to the patterns).</summary>
    private const int MaxLength = 200;

    private static readonly (string Intent, Regex Whole, Regex? Inside)[] Patterns =
    [
        (Start, CloseAccount(), CloseAccountInside()),
        (Support, SupportWhole(), SupportInside()),
        (Help, HelpWords(), null),
        (Cancel, CancelWords(), CancelInside()),
        (Status, StatusWords(), null),
        (CheckAgain, CheckAgainWords(), null),
        (RemindLater, RemindWords(), RemindInside()),
    ];

    /// <summary>The interruption <paramref name="activity"/> asks for, or null when it is (maybe) an answer.</summary>
    public static Interruption? Recognize(Activity activity)
    {
        if (activity.GetValueString(Prompt<object>.SubmitActionField) is { } action)
            return action is Start or Help or Cancel or Support or Status or CheckAgain or RemindLater ? new Interruption(action, Whole: true) : null;
        var text = activity.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return null;
        var bare = Politeness().Replace(text, "").Trim();
        if (bare.Length == 0) return null;
        foreach (var (intent, whole, _) in Patterns)
            if (whole.IsMatch(bare)) return new Interruption(intent, Whole: true);
        foreach (var (intent, _, inside) in Patterns)
            if (inside?.IsMatch(text) == true) return new Interruption(intent, Whole: false);
        return null;
    }

    // Greetings, fillers and courtesy around an interruption keep it whole: "ok, cancel please!" is all cancel.
    [GeneratedRegex(@"^((hi|hello|hey|ok(ay)?|so|um+|well|sorry|please|pls|actually)\b[\s,.!]*)+|([\s,.!]*\b(please|pls|thanks|thank you)\b)*[\s.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Politeness();

    [GeneratedRegex(@"^(start( account closure)?|(i\s+(want|would like|need)\s+to\s+|i['’]d\s+like\s+to\s+|how (do|can) i\s+)?(close|terminate|cancel|delete|shut down|end)\s+(my|our|the|this)?\s*(cloud\s+)?account\b.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CloseAccount();

    [GeneratedRegex(@"\b(close|terminate|cancel|delete|shut down)\s+(my|our)\s+(cloud\s+)?account\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CloseAccountInside();

    [GeneratedRegex(@"^((i\s+(want|would like|need)\s+to\s+|i['’]d\s+like\s+to\s+|can i\s+|let me\s+)?(talk|speak|chat)\s+(to|with)\s+(support|someone|somebody|a (person|human|real person)|an agent|an operator|a support agent|(the\s+)?sales( team)?|someone (in|from) sales)|support|agent|human|a human|real person|a real person|operator|customer service|talk to support)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportWhole();

    [GeneratedRegex(@"\b((talk|speak|chat)\s+(to|with)\s+(support|someone|somebody|a (person|human|real person)|an agent|an operator|(the\s+)?sales( team)?)|human|real person|operator)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportInside();

    [GeneratedRegex(@"^(help|help me|i need help|i need some help|can you help( me)?\??|\?|what does this mean\??|what do i do\??|what should i do\??)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HelpWords();

    [GeneratedRegex(@"^(cancel|stop|quit|abort|exit|never ?mind|forget it)( (it|this|that|the closure|everything))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelWords();

    [GeneratedRegex(@"\b(i (want|would like|['’]d like) to (stop|cancel|quit)|(stop|cancel) (the|this) (closure|process))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelInside();

    [GeneratedRegex(@"^(where (was|am) i\??|status|progress|what('s| is) (left|next)\??)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();

    [GeneratedRegex(@"^(check again|check it again|refresh|re-?check)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckAgainWords();

    [GeneratedRegex(@"^(remind me later|later|not now|i'?ll (come back|continue) later)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemindWords();

    [GeneratedRegex(@"\b(remind me later|come back later|continue later)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemindInside();
}

/// <summary>An interruption a message asks for, and whether the whole message is that interruption.</summary>
public sealed record Interruption(string Intent, bool Whole);
