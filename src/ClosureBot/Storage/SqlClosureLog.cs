using System.Data.Common;
using System.Text.Json;
using ClosureBot.Closure;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Storage;

/// <summary>
/// The closure log and audit trail as both stores read them (the turn commits write them): the same queries and the same
/// rows. Each store runs a query on a connection of its own, names its own parameters and reads its own column types.
/// </summary>
public abstract class SqlClosureLog : IClosureLog
{
    /// <summary>The insertion order of <c>closure_request_requesters</c> (SQLite's <c>rowid</c>, PostgreSQL's <c>id</c>).</summary>
    protected abstract string RequesterOrder { get; }

    /// <summary>
    /// Runs the query <paramref name="sql"/>, which names the values <c>@p0</c>, <c>@p1</c>, …, and gives its rows to
    /// <paramref name="read"/>, on a connection of the store's own for the time of the read.
    /// </summary>
    protected abstract Task<T> QueryAsync<T>(string sql, object?[] values, Func<DbDataReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken);

    /// <summary>A yes/no column.</summary>
    protected abstract bool Flag(DbDataReader reader, int ordinal);

    /// <summary>A point-in-time column.</summary>
    protected abstract DateTimeOffset Time(DbDataReader reader, int ordinal);

    public async Task<ClosureRequest?> FindOpenAsync(string accountAlias, CancellationToken cancellationToken) =>
        (await QueryRequestsAsync("WHERE account_alias = @p0 AND status = 'Open'", [accountAlias], cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<ClosureRequest>> ListAsync(CancellationToken cancellationToken)
    {
        var requests = await QueryRequestsAsync("", [], cancellationToken);
        var others = await QueryRequestersAsync(cancellationToken);
        return requests.Select(r => others.TryGetValue(r.Reference, out var list) ? r with { AlsoRequestedBy = list } : r).ToList();
    }

    public Task<IReadOnlyList<AuditEvent>> ListAuditAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync<IReadOnlyList<AuditEvent>>("""
            SELECT kind, account_alias, actor_channel, actor_id, actor_name, actor_verified, conversation_id, at, detail
            FROM (SELECT * FROM audit_events ORDER BY id DESC LIMIT @p0) newest ORDER BY id
            """, [limit], async (reader, ct) =>
        {
            var list = new List<AuditEvent>();
            while (await reader.ReadAsync(ct))
                list.Add(new AuditEvent(reader.GetString(0), NullableText(reader, 1),
                    new Requester(reader.GetString(2), reader.GetString(3), NullableText(reader, 4), Flag(reader, 5)),
                    reader.GetString(6), Time(reader, 7), NullableText(reader, 8)));
            return list;
        }, cancellationToken);

    public Task<IReadOnlySet<string>> OpenRequestConversationsAsync(CancellationToken cancellationToken) =>
        QueryAsync<IReadOnlySet<string>>("""
            SELECT conversation_id FROM closure_requests WHERE status = 'Open'
            UNION SELECT r.conversation_id FROM closure_request_requesters r JOIN closure_requests c ON c.reference = r.reference WHERE c.status = 'Open'
            """, [], async (reader, ct) =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
            return ids;
        }, cancellationToken);

    private Task<List<ClosureRequest>> QueryRequestsAsync(string where, object?[] values, CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT reference, account_alias, status, requester_channel, requester_id, requester_name, requester_verified,
                   conversation_id, created_at, remaining, term_commitment, data_retrieval_acknowledged
            FROM closure_requests {where} ORDER BY created_at, reference
            """, values, async (reader, ct) =>
        {
            var list = new List<ClosureRequest>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(new ClosureRequest(
                    reader.GetString(0), reader.GetString(1),
                    new Requester(reader.GetString(3), reader.GetString(4), NullableText(reader, 5), Flag(reader, 6)),
                    reader.GetString(7), Time(reader, 8),
                    JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(9), ProtocolJson.Options) ?? [],
                    Flag(reader, 10), Flag(reader, 11), reader.GetString(2)));
            }
            return list;
        }, cancellationToken);

    private Task<Dictionary<string, List<AdditionalRequester>>> QueryRequestersAsync(CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT reference, requester_channel, requester_id, requester_name, requester_verified, conversation_id, requested_at
            FROM closure_request_requesters ORDER BY requested_at, {RequesterOrder}
            """, [], async (reader, ct) =>
        {
            var byReference = new Dictionary<string, List<AdditionalRequester>>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                var requester = new AdditionalRequester(reader.GetString(0),
                    new Requester(reader.GetString(1), reader.GetString(2), NullableText(reader, 3), Flag(reader, 4)),
                    reader.GetString(5), Time(reader, 6));
                if (!byReference.TryGetValue(requester.Reference, out var list)) byReference[requester.Reference] = list = [];
                list.Add(requester);
            }
            return byReference;
        }, cancellationToken);

    private static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
