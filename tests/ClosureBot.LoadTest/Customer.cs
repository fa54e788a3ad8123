using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace ClosureBot.LoadTest;

/// <summary>
/// One simulated Web Chat customer: walks the canonical closure flow turn by turn over keep-alive HTTP (one
/// <see cref="TurnConnection"/> to each instance, which the caller owns and may reuse for its next customer) with
/// <c>deliveryMode: expectReplies</c>, then starts again in a fresh conversation. It types its own account alias where
/// the canonical walk types ACME (a customer closes their own account; a second requester of an account already being
/// closed is told only that a request exists, so the walk accepts that answer too). Request and response buffers
/// are reused, and latencies go into a preallocated histogram. With several bot instances (<paramref name="connections"/>)
/// turn <c>t</c> goes to instance <c>(firstInstance + t) mod n</c>: each customer's turns alternate between them.
/// </summary>
public sealed class Customer(IReadOnlyList<TurnConnection> connections, int firstInstance, string userId, string accountAlias, LoadClock clock,
    TimeSpan turnTimeout)
{
    /// <summary>Turns of a walk that stops half-way: the customer has chosen the account and is at step 2 of 5.</summary>
    public const int HalfWay = 5;

    public static readonly string[] CanonicalSequence =
        ["I want to close my account", "yes", "ACME", "no", "done", "done", "yes", "done", "yes", "ACME"];

    private static readonly byte[] AtLeastOneActivity = "\"activities\":[{"u8.ToArray();
    private static readonly byte[] ClosureReference = "CLS-"u8.ToArray();
    private static readonly byte[] AlreadyRequested = "already exists, since"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _request = new(1024);
    private readonly Utf8JsonWriter _json = new(Stream.Null);
    private int _walk;

    public LatencyHistogram Latencies { get; } = new();
    public long Errors { get; private set; }
    public string? FirstError { get; private set; }

    public async Task RunAsync()
    {
        while (!clock.IsOver)
        {
            var conversationId = $"{userId}-walk-{++_walk}";
            for (var turn = 0; turn < CanonicalSequence.Length && !clock.IsOver; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                var error = await SendTurnAsync(conversationId, turn);
                var ended = Stopwatch.GetTimestamp();
                if (!clock.IsMeasured(ended)) { if (error is not null) break; continue; }

                if (error is null)
                {
                    Latencies.Record((ended - started) * 1_000_000 / Stopwatch.Frequency);
                    continue;
                }
                Errors++;
                FirstError ??= error;
                break; // the conversation is in an unknown state: start a new one
            }
        }
    }

    /// <summary>Walks the first <paramref name="turns"/> turns of a new conversation, unmeasured; the first error, or null.</summary>
    public async Task<string?> WalkAsync(string conversationId, int turns)
    {
        for (var turn = 0; turn < turns; turn++)
            if (await SendTurnAsync(conversationId, turn) is { } error) return error;
        return null;
    }

    private async Task<string?> SendTurnAsync(string conversationId, int turn)
    {
        WriteActivity(conversationId, turn);
        var connection = connections[(firstInstance + turn) % connections.Count];
        using var timeout = new CancellationTokenSource(turnTimeout);
        try
        {
            var status = await connection.PostAsync(_request.WrittenMemory, timeout.Token);
            if (status != 200) return $"turn {turn + 1}: HTTP {status}";
            var body = connection.Body;
            if (body.IndexOf(AtLeastOneActivity) < 0) return $"turn {turn + 1}: no activity in the reply";
            if (turn == CanonicalSequence.Length - 1 && body.IndexOf(ClosureReference) < 0 && body.IndexOf(AlreadyRequested) < 0)
                return $"turn {turn + 1}: no CLS- reference";
            return null;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            return $"turn {turn + 1}: {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>The activity Web Chat sends for a typed message, asking for the replies in the response body.</summary>
    private void WriteActivity(string conversationId, int turn)
    {
        _request.ResetWrittenCount();
        _json.Reset(_request);
        var json = _json;
        json.WriteStartObject();
        json.WriteString("type", "message");
        json.WriteString("id", $"{conversationId}-{turn + 1}");
        json.WriteString("timestamp", DateTimeOffset.UtcNow);
        json.WriteString("channelId", "webchat");
        // As Azure Bot Service sends Web Chat's activities: the channel token's serviceurl claim must name it.
        json.WriteString("serviceUrl", ChannelTokenIssuer.ServiceUrl);
        json.WriteStartObject("from");
        json.WriteString("id", userId);
        json.WriteString("name", "Load Customer");
        json.WriteString("role", "user");
        json.WriteEndObject();
        json.WriteStartObject("recipient");
        json.WriteString("id", "closurebot");
        json.WriteString("name", "ClosureBot");
        json.WriteString("role", "bot");
        json.WriteEndObject();
        json.WriteStartObject("conversation");
        json.WriteString("id", conversationId);
        json.WriteEndObject();
        json.WriteString("text", CanonicalSequence[turn] == "ACME" ? accountAlias : CanonicalSequence[turn]);
        json.WriteString("textFormat", "plain");
        json.WriteString("locale", "en-US");
        json.WriteString("deliveryMode", "expectReplies");
        json.WriteEndObject();
        json.Flush();
    }
}
