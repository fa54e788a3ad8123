using System.Text.Json;
using ClosureBot.Handoff;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Serialization;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// Writes one turn's commit as one round trip (an <see cref="NpgsqlBatch"/>; its statements keep the same text, so
/// Npgsql prepares them on the writer's connection), then checks what each changed: the outbox row first (a duplicate
/// activity), then the conversation's ETag. The caller's savepoint undoes the rest when either check fails.
/// </summary>
internal static class PostgresTurnWriter
{
    private const string InsertOutbox = """
        INSERT INTO outbox (conversation_key, activity_id, replies, reply_count, created_at, next_attempt_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
        """;
    private const string InsertConversation =
        "INSERT INTO conversations (key, etag, state, updated_at) VALUES ($1, $2, convert_from($3, 'UTF8'), $4) ON CONFLICT (key) DO NOTHING";
    private const string UpdateConversation =
        "UPDATE conversations SET etag = $2, state = convert_from($3, 'UTF8'), updated_at = $4 WHERE key = $1 AND etag = $5";
    private const string SaveProgress = """
        INSERT INTO user_progress (user_key, conversation_id, state, saved_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (user_key) DO UPDATE SET conversation_id = excluded.conversation_id, state = excluded.state, saved_at = excluded.saved_at
        """;
    private const string DeleteProgress = "DELETE FROM user_progress WHERE user_key = $1";
    private const string InsertRequest = """
        INSERT INTO closure_requests (reference, account_alias, status, requester_channel, requester_id, requester_name,
            requester_verified, conversation_id, created_at, remaining, term_commitment, data_retrieval_acknowledged)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;
    private const string InsertRequester = """
        INSERT INTO closure_request_requesters (reference, requester_channel, requester_id, requester_name, requester_verified,
            conversation_id, requested_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """;
    private const string InsertAudit = """
        INSERT INTO audit_events (at, kind, account_alias, actor_channel, actor_id, actor_name, actor_verified, conversation_id, detail)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    private const string OpenTicket = """
        INSERT INTO handoff_tickets (id, conversation_key, conversation_id, queue, reason, channel_id, account_alias, verified, screen, status,
            requested_at, reference, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'Waiting', $10, $11, $10)
        """;
    // The status the turn read is the condition: of two agents taking the same ticket, the second changes no row.
    private const string MoveTicket = """
        UPDATE handoff_tickets SET status = $3, agent_user = COALESCE($4, agent_user), agent_name = COALESCE($5, agent_name),
            ending = COALESCE($6, ending), decision = COALESCE($7, decision), updated_at = $8
        WHERE id = $1 AND status = $2
        """;
    private const string AddMessage = "INSERT INTO handoff_messages (id, ticket_id, sender, author, text, at) VALUES ($1, $2, $3, $4, $5, $6)";
    private const string LeftMessage = "UPDATE handoff_tickets SET left_message = true WHERE id = $1";

    /// <param name="first">Statements without parameters to run first in the same round trip (the group commit's savepoints).</param>
    public static async Task WriteAsync(NpgsqlConnection connection, TurnCommit commit, DateTimeOffset now, IEnumerable<string> first)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in first) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        var outbox = commit.Replies is { } replies
            ? Add(batch, InsertOutbox, replies.ConversationKey, replies.ActivityId, replies.Replies, replies.ReplyCount,
                replies.CreatedAt.ToUnixTimeMilliseconds(), replies.NextAttemptAt?.ToUnixTimeMilliseconds())
            : null;
        var conversation = commit.ExpectedETag is null
            ? Add(batch, InsertConversation, commit.ConversationKey, commit.NewETag, commit.State, now)
            : Add(batch, UpdateConversation, commit.ConversationKey, commit.NewETag, commit.State, now, commit.ExpectedETag);
        if (commit.SaveProgress is { } p) Add(batch, SaveProgress, p.UserKey, p.ConversationId, p.Json, p.SavedAt);
        if (commit.DeleteProgressFor is { } user) Add(batch, DeleteProgress, user);
        if (commit.ClosureRequest is { } r)
            Add(batch, InsertRequest, r.Reference, r.AccountAlias, r.Status, r.Requester.ChannelId, r.Requester.UserId, r.Requester.Name,
                r.Requester.Verified, r.ConversationId, r.CreatedAt, JsonSerializer.Serialize(r.RemainingResources, ProtocolJson.Options),
                r.HasTermCommitment, r.DataRetrievalAcknowledged);
        if (commit.AdditionalRequester is { } a)
            Add(batch, InsertRequester, a.Reference, a.Requester.ChannelId, a.Requester.UserId, a.Requester.Name, a.Requester.Verified,
                a.ConversationId, a.RequestedAt);
        var moves = new List<(NpgsqlBatchCommand Command, HandoffWrite.Moved Move)>();
        foreach (var write in commit.Handoff)
        {
            switch (write)
            {
                case HandoffWrite.Opened { Record: var h }:
                    var t = h.Ticket;
                    Add(batch, OpenTicket, t.Id, h.ConversationKey, h.Reference.Conversation?.Id ?? "", t.Queue, t.Reason, t.ChannelId, t.AccountAlias,
                        t.Verified, t.Screen, t.RequestedAt, JsonSerializer.Serialize(h.Reference, ProtocolJson.Options));
                    break;
                case HandoffWrite.Moved m:
                    moves.Add((Add(batch, MoveTicket, m.TicketId, m.From.ToString(), m.To.ToString(), m.Agent?.UserName, m.Agent?.DisplayName, m.Ending,
                        m.Decision, now), m));
                    break;
                case HandoffWrite.MessageAdded { Message: var msg }:
                    Add(batch, AddMessage, msg.Id, msg.TicketId, msg.From, msg.Author, msg.Text, msg.At);
                    break;
                case HandoffWrite.LeftMessage l:
                    Add(batch, LeftMessage, l.TicketId);
                    break;
            }
        }
        foreach (var e in commit.Audit)
            Add(batch, InsertAudit, e.At, e.Kind, e.AccountAlias, e.Actor.ChannelId, e.Actor.UserId, e.Actor.Name, e.Actor.Verified,
                e.ConversationId, e.Detail);

        await batch.ExecuteNonQueryAsync();
        // A redelivered activity is turned away before anything else of its turn counts.
        if (outbox is not null && outbox.RecordsAffected != 1) throw new DuplicateActivityException(commit.Replies!.ConversationKey, commit.Replies.ActivityId);
        if (conversation.RecordsAffected != 1)
            throw new ConcurrencyConflictException($"Conversation {commit.ConversationKey} was changed by another turn.");
        foreach (var (command, move) in moves)
            if (command.RecordsAffected != 1) throw new ConcurrencyConflictException($"Ticket {move.TicketId} is no longer {move.From}.");
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(PostgresDatabase.Parameter(value));
        batch.BatchCommands.Add(command);
        return command;
    }
}
