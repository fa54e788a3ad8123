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
    private readonly Channel<string> _received = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), DeliverAsync(stoppingToken));

    private Task ListenAsync(CancellationToken stoppingToken) => PostgresNotifications.ListenAsync(database, PostgresHandoffEvents.Channel,
        payload => _received.Writer.TryWrite(payload), listening: null, "handoff changes", time, logger, stoppingToken);

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
