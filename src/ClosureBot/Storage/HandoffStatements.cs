using System.Text.Json;
using ClosureBot.Handoff;
using ClosureBot.Protocol.Serialization;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>The handoff tables, and the prepared writes of a turn's <see cref="HandoffWrite"/>s that run inside its savepoint.</summary>
internal sealed class HandoffStatements : IDisposable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS handoff_tickets (
            id TEXT PRIMARY KEY,
            conversation_key TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            queue TEXT NOT NULL,
            reason TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            account_alias TEXT,
            verified INTEGER NOT NULL,
            screen TEXT,
            status TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            agent_user TEXT,
            agent_name TEXT,
            left_message INTEGER NOT NULL DEFAULT 0,
            reference TEXT NOT NULL,
            ending TEXT,
            decision TEXT,
            updated_at TEXT NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS handoff_tickets_one_open_per_conversation
            ON handoff_tickets (conversation_key) WHERE status <> 'Ended';
        CREATE INDEX IF NOT EXISTS handoff_tickets_open ON handoff_tickets (status, queue, requested_at);
        CREATE TABLE IF NOT EXISTS handoff_messages (
            id TEXT PRIMARY KEY,
            ticket_id TEXT NOT NULL REFERENCES handoff_tickets (id),
            sender TEXT NOT NULL,
            author TEXT,
            text TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS handoff_messages_by_ticket ON handoff_messages (ticket_id, at);
        """;

    private readonly SqliteCommand _open, _move, _message, _leftMessage;
    private readonly SqliteCommand[] _all;

    public HandoffStatements(SqliteConnection connection)
    {
        _open = Create(connection, """
            INSERT INTO handoff_tickets (id, conversation_key, conversation_id, queue, reason, channel_id, account_alias, verified, screen, status,
                requested_at, reference, updated_at)
            VALUES ($id, $key, $conversation, $queue, $reason, $channel, $alias, $verified, $screen, 'Waiting', $at, $reference, $at)
            """, "$id", "$key", "$conversation", "$queue", "$reason", "$channel", "$alias", "$verified", "$screen", "$at", "$reference");
        // The status the turn read is the condition: of two agents taking the same ticket, the second changes no row.
        _move = Create(connection, """
            UPDATE handoff_tickets SET status = $to, agent_user = COALESCE($user, agent_user), agent_name = COALESCE($name, agent_name),
                ending = COALESCE($ending, ending), decision = COALESCE($decision, decision), updated_at = $now
            WHERE id = $id AND status = $from
            """, "$id", "$from", "$to", "$user", "$name", "$ending", "$decision", "$now");
        _message = Create(connection, "INSERT INTO handoff_messages (id, ticket_id, sender, author, text, at) VALUES ($id, $ticket, $sender, $author, $text, $at)",
            "$id", "$ticket", "$sender", "$author", "$text", "$at");
        _leftMessage = Create(connection, "UPDATE handoff_tickets SET left_message = 1 WHERE id = $id", "$id");
        _all = [_open, _move, _message, _leftMessage];
    }

    public void Bind(SqliteTransaction transaction)
    {
        foreach (var command in _all) command.Transaction = transaction;
    }

    /// <summary>Writes one change; throws <see cref="ConcurrencyConflictException"/> when a ticket no longer stands where the turn read it.</summary>
    public void Write(HandoffWrite write, DateTimeOffset now)
    {
        switch (write)
        {
            case HandoffWrite.Opened { Record: var r }:
                var t = r.Ticket;
                Set(_open, "$id", t.Id, "$key", r.ConversationKey, "$conversation", r.Reference.Conversation?.Id ?? "", "$queue", t.Queue,
                    "$reason", t.Reason, "$channel", t.ChannelId, "$alias", (object?)t.AccountAlias ?? DBNull.Value, "$verified", t.Verified ? 1 : 0,
                    "$screen", (object?)t.Screen ?? DBNull.Value, "$at", t.RequestedAt.ToString("O"),
                    "$reference", JsonSerializer.Serialize(r.Reference, ProtocolJson.Options));
                _open.ExecuteNonQuery();
                break;
            case HandoffWrite.Moved m:
                Set(_move, "$id", m.TicketId, "$from", m.From.ToString(), "$to", m.To.ToString(), "$user", (object?)m.Agent?.UserName ?? DBNull.Value,
                    "$name", (object?)m.Agent?.DisplayName ?? DBNull.Value, "$ending", (object?)m.Ending ?? DBNull.Value,
                    "$decision", (object?)m.Decision ?? DBNull.Value, "$now", now.ToString("O"));
                if (_move.ExecuteNonQuery() != 1) throw new ConcurrencyConflictException($"Ticket {m.TicketId} is no longer {m.From}.");
                break;
            case HandoffWrite.MessageAdded { Message: var msg }:
                Set(_message, "$id", msg.Id, "$ticket", msg.TicketId, "$sender", msg.From, "$author", (object?)msg.Author ?? DBNull.Value,
                    "$text", msg.Text, "$at", msg.At.ToString("O"));
                _message.ExecuteNonQuery();
                break;
            case HandoffWrite.LeftMessage l:
                Set(_leftMessage, "$id", l.TicketId);
                _leftMessage.ExecuteNonQuery();
                break;
        }
    }

    public void Dispose()
    {
        foreach (var command in _all) command.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    private static void Set(SqliteCommand command, params object[] pairs)
    {
        for (var i = 0; i < pairs.Length; i += 2) command.Parameters[(string)pairs[i]].Value = pairs[i + 1];
    }
}
