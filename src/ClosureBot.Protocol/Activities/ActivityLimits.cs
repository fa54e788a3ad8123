namespace ClosureBot.Protocol.Activities;

/// <summary>
/// The bounds every inbound activity must keep, checked at the edge (<c>/api/messages</c> and Direct Line) before
/// anything is stored or recognized: an activity over any of them is answered 400 and changes nothing. They are
/// generous for every real channel (Teams, Web Chat, Direct Line) and small enough that no single request can grow
/// memory, the database or a turn's CPU time without bound. The README lists them.
/// </summary>
public static class ActivityLimits
{
    /// <summary>Largest request body: 1 MiB (answered 413 above it).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Longest <c>text</c>, <c>speak</c> or <c>summary</c>, in UTF-16 characters (400 <c>TextTooLong</c> above it).</summary>
    public const int MaxTextLength = 5_000;

    /// <summary>
    /// Longest id: activity id, <c>replyToId</c>, conversation id, <c>from</c>/<c>recipient</c>/member ids, AAD object
    /// and tenant ids. Teams and Direct Line ids stay well below it.
    /// </summary>
    public const int MaxIdLength = 512;

    /// <summary>Longest <c>channelId</c>.</summary>
    public const int MaxChannelIdLength = 64;

    /// <summary>Longest display name (sender, recipient, members, conversation) and other short fields (type, locale, name, code…).</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest <c>serviceUrl</c>.</summary>
    public const int MaxServiceUrlLength = 2_048;

    /// <summary>Largest <c>value</c> (a card submit), as compact JSON in UTF-8 bytes.</summary>
    public const int MaxValueBytes = 16 * 1024;

    /// <summary>Largest <c>channelData</c>, as compact JSON in UTF-8 bytes.</summary>
    public const int MaxChannelDataBytes = 32 * 1024;

    /// <summary>Deepest nesting of objects and arrays anywhere in the body.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>Most entries in <c>entities</c>.</summary>
    public const int MaxEntities = 32;

    /// <summary>Most entries in <c>attachments</c>.</summary>
    public const int MaxAttachments = 16;

    /// <summary>Most entries in <c>membersAdded</c> or <c>membersRemoved</c>.</summary>
    public const int MaxMembers = 64;

    /// <summary>Most entries in any other list (reactions, <c>listenFor</c>, text highlights).</summary>
    public const int MaxOtherListItems = 32;

    /// <summary>The first limit <paramref name="activity"/> breaks, or null when it keeps them all.</summary>
    public static ActivityLimitViolation? Check(Activity activity) => ActivityLimitChecker.Check(activity);
}
