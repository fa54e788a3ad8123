using System.Text.Json;
using ClosureBot.Handoff;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>The support queues as the SQLite store keeps them (written by the turn commits, see <see cref="HandoffStatements"/>).</summary>
public sealed class SqliteHandoffStore(SqliteDatabase database) : IHandoffStore
{
    // A waiting ticket's place: the waiting tickets of its queue requested before it (rowid breaks ties), plus one.
    private const string Columns = """
        t.id, t.queue, t.reason, t.channel_id, t.account_alias, t.verified, t.screen, t.status, t.requested_at, t.agent_user, t.agent_name,
        CASE WHEN t.status = 'Waiting' THEN (SELECT count(*) FROM handoff_tickets w WHERE w.status = 'Waiting' AND w.queue = t.queue
            AND (w.requested_at < t.requested_at OR (w.requested_at = t.requested_at AND w.rowid <= t.rowid))) END,
        t.left_message, t.conversation_key, t.reference
        """;

    public async Task<HandoffRecord?> FindAsync(string ticketId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handoff_tickets t WHERE t.id = $id";
        command.Parameters.AddWithValue("$id", ticketId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new HandoffRecord(ReadTicket(reader), reader.GetString(13),
            JsonSerializer.Deserialize<ConversationReference>(reader.GetString(14), ProtocolJson.Options)!);
    }

    public async Task<IReadOnlyList<HandoffTicket>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handoff_tickets t WHERE t.status <> 'Ended' ORDER BY t.queue, t.requested_at, t.rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<HandoffTicket>();
        while (await reader.ReadAsync(cancellationToken)) tickets.Add(ReadTicket(reader));
        return tickets;
    }

    public async Task<int> CountWaitingAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM handoff_tickets WHERE status = 'Waiting' AND queue = $queue";
        command.Parameters.AddWithValue("$queue", queue);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<HandoffMessage>> MessagesAsync(string ticketId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, ticket_id, sender, author, text, at FROM
                (SELECT rowid AS r, * FROM handoff_messages WHERE ticket_id = $id ORDER BY rowid DESC LIMIT $limit)
            ORDER BY r
            """;
        command.Parameters.AddWithValue("$id", ticketId);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<HandoffMessage>();
        while (await reader.ReadAsync(cancellationToken))
            messages.Add(new HandoffMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5))));
        return messages;
    }

    public async Task<IReadOnlySet<string>> OpenConversationIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id FROM handoff_tickets WHERE status <> 'Ended'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static HandoffTicket ReadTicket(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), r.GetInt64(5) != 0, Text(r, 6),
        Enum.Parse<HandoffStatus>(r.GetString(7)), DateTimeOffset.Parse(r.GetString(8)), Text(r, 9), Text(r, 10),
        r.IsDBNull(11) ? null : r.GetInt32(11), r.GetInt64(12) != 0);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
