using ClosureBot.Handoff;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The desk's live changes on every instance: each change is pushed to this instance's console connections (the inner
/// <see cref="IHandoffEvents"/>, SignalR) and announced with <c>pg_notify</c>; <see cref="PostgresHandoffListener"/> on
/// the other instances hands it to <see cref="DeliverAsync"/>, which reads the ticket or line from the database and
/// pushes it to their consoles. Notifications carry ids only (a line may be longer than a notification may be).
/// </summary>
public sealed class PostgresHandoffEvents(IHandoffEvents local, PostgresDatabase database, IHandoffStore store, ILogger<PostgresHandoffEvents> logger)
    : IHandoffEvents
{
    public const string Channel = "closurebot_handoff";
    // A console shows the newest lines of a conversation; an announced line is among them unless many followed at once.
    private const int LinesToSearch = 100;

    public async Task TicketChangedAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        await local.TicketChangedAsync(ticket, cancellationToken);
        await NotifyAsync($"{database.InstanceId}|t|{ticket.Id}", cancellationToken);
    }

    public async Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken)
    {
        await local.MessageAddedAsync(message, cancellationToken);
        await NotifyAsync($"{database.InstanceId}|m|{message.TicketId}|{message.Id}", cancellationToken);
    }

    /// <summary>Pushes a change another instance announced to this instance's consoles; its own announcements are ignored.</summary>
    public async Task DeliverAsync(string payload, CancellationToken cancellationToken)
    {
        var parts = payload.Split('|', 4);
        if (parts.Length < 3 || parts[0] == database.InstanceId) return;
        if (parts[1] == "t" && await store.FindAsync(parts[2], cancellationToken) is { } record)
            await local.TicketChangedAsync(record.Ticket, cancellationToken);
        else if (parts is [_, "m", var ticketId, var messageId]
                 && (await store.MessagesAsync(ticketId, LinesToSearch, cancellationToken)).FirstOrDefault(m => m.Id == messageId) is { } line)
            await local.MessageAddedAsync(line, cancellationToken);
    }

    private async Task NotifyAsync(string payload, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = PostgresDatabase.Command(connection, "SELECT pg_notify($1, $2)", Channel, payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not announce a handoff change to the other instances");
        }
    }
}
