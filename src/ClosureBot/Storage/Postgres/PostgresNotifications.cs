using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// One <c>LISTEN</c> loop: opens a connection, listens on a channel and hands every notification to the caller, until the
/// app stops. A lost connection is logged and opened again after a second; <c>listening</c> runs each time the channel is
/// listened to (again), so the caller can look for what it may have missed meanwhile.
/// </summary>
internal static class PostgresNotifications
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <param name="what">What the channel carries, for the log ("web chat activities").</param>
    public static async Task ListenAsync(PostgresDatabase database, string channel, Action<string> received, Action? listening, string what,
        TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => received(e.Payload);
                await using (var listen = PostgresDatabase.Command(connection, $"LISTEN {channel}")) await listen.ExecuteNonQueryAsync(stoppingToken);
                listening?.Invoke();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Listening for {What} of other instances failed; listening again in {Delay}", what, RetryDelay);
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
}
