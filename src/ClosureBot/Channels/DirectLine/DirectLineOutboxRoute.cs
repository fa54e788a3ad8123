using System.Globalization;
using System.Text.Json;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Replies of the embedded Direct Line channel (no <c>serviceUrl</c>) go to the conversation's activity log. The log is
/// asked what it already holds, so a reply appended just before the process died is not appended twice.
/// </summary>
public sealed class DirectLineOutboxRoute(DirectLineActivityLog log, IDirectLineStore store) : IOutboxRoute
{
    public bool Handles(Activity reply) => reply.ServiceUrl is null && reply.Conversation?.Id is not null;

    public IReplyTransport TransportFor(Activity reply) => new DirectLineReplyTransport(log, reply.Conversation!.Id!);

    /// <summary>
    /// The bot's activities in the log that answer the same activity (same <c>replyToId</c>, after it). The welcome, the
    /// one turn whose replies name nothing, is matched by its missing <c>replyToId</c>.
    /// </summary>
    public async Task<int> CountAlreadyDeliveredAsync(IReadOnlyList<Activity> turnReplies, CancellationToken cancellationToken)
    {
        var conversationId = turnReplies[0].Conversation!.Id!;
        var replyTo = turnReplies[0].ReplyToId;
        var after = SequenceOf(replyTo, conversationId);
        var found = 0;
        while (found < turnReplies.Count)
        {
            var rows = await store.ReadActivitiesAsync(conversationId, after, DirectLineActivityLog.PageSize, cancellationToken);
            if (rows.Count == 0) break;
            foreach (var (_, json) in rows)
                if (IsBotReplyTo(json, replyTo)) found++;
            after = rows[^1].Sequence;
        }
        return Math.Min(found, turnReplies.Count);
    }

    private static long SequenceOf(string? activityId, string conversationId) =>
        activityId is not null && activityId.StartsWith(conversationId + "|", StringComparison.Ordinal)
        && long.TryParse(activityId.AsSpan(conversationId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence : 0;

    private static bool IsBotReplyTo(string json, string? replyTo)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var role = root.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var r) ? r.GetString() : null;
        var answers = root.TryGetProperty("replyToId", out var id) ? id.GetString() : null;
        return role == RoleTypes.Bot && answers == replyTo;
    }
}
