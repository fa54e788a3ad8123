using System.Globalization;
using ClosureBot.Channels.DirectLine;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// Cross-instance web chat streams: listens on one connection (<c>LISTEN</c>) for the activities other instances append
/// and tells this instance's streams of those conversations, which read them from the database. After a lost connection
/// it listens again and has every stream here look for what it may have missed.
/// </summary>
internal sealed class PostgresDirectLineListener(PostgresDatabase database, DirectLineActivityLog log, TimeProvider time,
    ILogger<PostgresDirectLineListener> logger) : BackgroundService
{
    public const string Channel = "closurebot_directline";

    /// <summary>The notification of one append: <c>{instance}|{sequence}|{conversationId}</c>.</summary>
    public static string Payload(string instanceId, long sequence, string conversationId) =>
        $"{instanceId}|{sequence.ToString(CultureInfo.InvariantCulture)}|{conversationId}";

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once this instance listens for the first time. Then it has told every stream here to look in the
    /// database for what it may have missed, which makes those streams read the store once.
    /// </summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PostgresNotifications.ListenAsync(database, Channel, Receive, Listened, "web chat activities", time, logger, stoppingToken);

    private void Listened()
    {
        log.NoticeAll();
        _listening.TrySetResult();
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == database.InstanceId || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return;
        log.NoticeAppendedElsewhere(parts[2], sequence);
    }
}
