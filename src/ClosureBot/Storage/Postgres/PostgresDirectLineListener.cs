using System.Globalization;
using ClosureBot.Channels.DirectLine;
using Npgsql;

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
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The notification of one append: <c>{instance}|{sequence}|{conversationId}</c>.</summary>
    public static string Payload(string instanceId, long sequence, string conversationId) =>
        $"{instanceId}|{sequence.ToString(CultureInfo.InvariantCulture)}|{conversationId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = PostgresDatabase.Command(connection, $"LISTEN {Channel}")) await listen.ExecuteNonQueryAsync(stoppingToken);
                log.NoticeAll();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Listening for web chat activities of other instances failed; listening again in {Delay}", RetryDelay);
            }
            try
            {
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == database.InstanceId || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return;
        log.NoticeAppendedElsewhere(parts[2], sequence);
    }
}
