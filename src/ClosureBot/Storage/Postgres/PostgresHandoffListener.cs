using System.Threading.Channels;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// Listens (<c>LISTEN</c>) for the handoff changes other instances announce and hands them, in the order received, to
/// <see cref="PostgresHandoffEvents"/> for this instance's agent consoles. A lost connection is opened again; a console
/// reloads its queues when its own connection comes back, so nothing it shows depends on a notification arriving.
/// </summary>
internal sealed class PostgresHandoffListener(PostgresDatabase database, PostgresHandoffEvents events, TimeProvider time,
    ILogger<PostgresHandoffListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly Channel<string> _received = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), DeliverAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _received.Writer.TryWrite(e.Payload);
                await using (var listen = PostgresDatabase.Command(connection, $"LISTEN {PostgresHandoffEvents.Channel}"))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Listening for handoff changes of other instances failed; listening again in {Delay}", RetryDelay);
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

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in _received.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await events.DeliverAsync(payload, stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(ex, "Could not read a handoff change another instance announced");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
