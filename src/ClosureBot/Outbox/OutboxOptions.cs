namespace ClosureBot.Outbox;

/// <summary>
/// The reply outbox and duplicate detection, configured in section <c>Bot</c> (beside the Connector settings, since
/// they are about how the bot answers the channel).
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Bot";

    /// <summary>How long an activity id is remembered: a redelivery within it gets the stored replies and is not processed again.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// When replies the channel did not take are first retried in the background; the wait doubles with each attempt
    /// (up to <see cref="ReplyRetryMaxDelay"/>). The turn's own delivery owns its replies until then.
    /// </summary>
    public TimeSpan ReplyRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReplyRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Replies still undelivered this long after their turn are given up (logged as an error).</summary>
    public TimeSpan ReplyDeliveryMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the delivery worker looks for replies due for a retry.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the delivery worker deletes outbox rows older than the window.</summary>
    public TimeSpan OutboxPruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsValid() =>
        DuplicateWindow > TimeSpan.Zero && ReplyRetryDelay > TimeSpan.Zero && ReplyRetryMaxDelay >= ReplyRetryDelay
        && ReplyDeliveryMaxAge > TimeSpan.Zero && ReplyDeliveryMaxAge <= DuplicateWindow
        && OutboxPollInterval > TimeSpan.Zero && OutboxPruneInterval > TimeSpan.Zero;
}
