using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the customer wants besides answering the current question: typed words or a card button's
/// <c>action</c>, mapped to one intent.
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

    /// <summary>The intent of <paramref name="activity"/>, or null when it is (maybe) an answer.</summary>
    public static string? Recognize(Activity activity)
    {
        if (activity.GetValueString(Prompt<object>.SubmitActionField) is { } action)
            return action is Start or Help or Cancel or Support or Status or CheckAgain or RemindLater ? action : null;
        var text = activity.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 200) return null;
        if (CloseAccount().IsMatch(text)) return Start;
        if (SupportWords().IsMatch(text)) return Support;
        if (HelpWords().IsMatch(text)) return Help;
        if (CancelWords().IsMatch(text)) return Cancel;
        if (StatusWords().IsMatch(text)) return Status;
        if (CheckAgainWords().IsMatch(text)) return CheckAgain;
        if (RemindWords().IsMatch(text)) return RemindLater;
        return null;
    }

    [GeneratedRegex(@"^(start( account closure)?|(i\s+(want|would like|need)\s+to\s+|i['’]d\s+like\s+to\s+|please\s+|how (do|can) i\s+)?(close|terminate|cancel|delete|shut down|end)\s+(my|our|the|this)?\s*(cloud\s+)?account\b.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CloseAccount();

    [GeneratedRegex(@"\b(talk to (support|someone|a (person|human))|support|agent|human|real person|operator)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportWords();

    [GeneratedRegex(@"^(help|help me|i need help|i need some help|can you help( me)?\??|\?|what does this mean\??|what do i do\??|what should i do\??)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HelpWords();

    [GeneratedRegex(@"^(cancel|stop|quit|abort|exit|never ?mind|forget it)( (it|this|that|please))?[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelWords();

    [GeneratedRegex(@"^(where (was|am) i\??|status|progress|what('s| is) (left|next)\??)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();

    [GeneratedRegex(@"^(check again|refresh|re-?check)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckAgainWords();

    [GeneratedRegex(@"^(remind me later|later|not now|i'?ll (come back|continue) later)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemindWords();
}
