using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClosureBot.LoadTest.Floor;

// The floor of a turn on this machine: what a bare ASP.NET Core endpoint costs when it does a ClosureBot turn's I/O and
// nothing else. It reads the activity, counts the conversation's turns in memory, answers with a reply body of the
// size ClosureBot's reply to that turn had, and writes a conversation row and an outbox row of ClosureBot's sizes to
// SQLite (write-ahead log, a flush at each commit, one writer committing the turns that queue together) before it
// answers. No dialogs, no cards, no readers, no checks: the same I/O as a ClosureBot turn with nothing around it, which
// the load command measures beside ClosureBot (--floor).

// The bot's own runtime setting, read when the first socket opens: completions run on the socket thread.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["db"] ?? throw new ArgumentException("Pass --db PATH: the SQLite file the floor writes.");
var app = builder.Build();
await using var writer = new FloorWriter(database);
var conversations = new ConcurrentDictionary<string, FloorConversation>();

app.MapGet("/healthz", () => "ok");
app.MapPost("/api/messages", async (HttpContext http) =>
{
    FloorActivity? activity;
    try
    {
        activity = await JsonSerializer.DeserializeAsync(http.Request.Body, FloorJson.Default.FloorActivity, http.RequestAborted);
    }
    catch (JsonException)
    {
        return Results.BadRequest();
    }
    if (activity?.Conversation?.Id is not { Length: > 0 } conversationId || activity.Id is not { Length: > 0 } activityId)
        return Results.BadRequest();
    var conversation = conversations.GetOrAdd(conversationId, _ => new FloorConversation());
    int turn;
    lock (conversation) turn = conversation.Turns++;
    var body = FloorReplies.Body(conversationId, activityId, turn);
    await writer.CommitAsync(conversationId, FloorReplies.State(turn), body);
    return Results.Bytes(body, "application/json");
});
app.Run();

namespace ClosureBot.LoadTest.Floor
{
    internal sealed class FloorConversation
    {
        public int Turns;
    }

    /// <summary>What the floor reads of an activity; the rest of its JSON is parsed and skipped.</summary>
    internal sealed record FloorActivity(string? Id, FloorAccount? Conversation);

    internal sealed record FloorAccount(string? Id);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(FloorActivity))]
    internal sealed partial class FloorJson : JsonSerializerContext;

    /// <summary>Reply bodies and state rows of ClosureBot's sizes, turn by turn through the load command's walk.</summary>
    internal static class FloorReplies
    {
        /// <summary>
        /// The bytes of ClosureBot's <c>expectReplies</c> body for each of the walk's ten turns, from
        /// <c>reply-sizes.json</c> (which ClosureBot.Tests checks against the bot's own replies). Over 1,500 bytes,
        /// ClosureBot sends a card and a prompt; under, one message.
        /// </summary>
        public static readonly int[] BodyBytes = ReadBodyBytes();

        /// <summary>
        /// The mean size of a stored conversation's state in a load run's database (2026-12-07, 3,820 conversations). Since
        /// the load command's activities carry Web Chat's serviceUrl, as Azure Bot Service's do, the bot keeps each
        /// conversation's last lines for a handoff's transcript in its state (444 bytes before).
        /// </summary>
        public const int StateBytes = 1896;

        private static long _references;

        // The characters that bring each turn's body to its size, worked out once for ids of the load command's shape.
        private static readonly int[] Padding = BodyBytes.Select((bytes, index) =>
            bytes - Write("load-0123abcd-12-walk-100", "load-0123abcd-12-walk-100-1", index, 0, index == BodyBytes.Length - 1 ? "CLS-000001" : "").Length).ToArray();

        public static byte[] Body(string conversationId, string activityId, int turn)
        {
            var index = turn % BodyBytes.Length;
            var reference = index == BodyBytes.Length - 1 ? $"CLS-{Interlocked.Increment(ref _references):D6}" : "";
            return Write(conversationId, activityId, index, Math.Max(0, Padding[index]), reference);
        }

        private static byte[] Write(string conversationId, string activityId, int index, int padding, string reference)
        {
            var withCard = BodyBytes[index] > 1500;
            var text = reference.Length > 0 ? $"Your request {reference} is logged." : "Choose Done when you are ready.";
            // Without a card, the padding goes into the message's text and its spoken form alike.
            if (!withCard) text += new string('t', padding / 2);
            var buffer = new MemoryStream(BodyBytes[index] + 64);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("activities");
                if (withCard)
                {
                    Reply(json, conversationId, activityId, 1, "");
                    json.WriteStartArray("attachments");
                    json.WriteStartObject();
                    json.WriteString("contentType", "application/vnd.microsoft.card.adaptive");
                    json.WritePropertyName("content");
                    json.WriteStartObject();
                    json.WriteString("type", "AdaptiveCard");
                    json.WriteString("version", "1.5");
                    json.WriteStartArray("body");
                    json.WriteStartObject();
                    json.WriteString("type", "TextBlock");
                    json.WriteString("text", new string('x', padding));
                    json.WriteBoolean("wrap", true);
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                Reply(json, conversationId, activityId, 2, text);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private static int[] ReadBodyBytes()
        {
            using var sizes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "reply-sizes.json")));
            return sizes.RootElement.GetProperty("replyBytes").EnumerateArray().Select(size => size.GetInt32()).ToArray();
        }

        public static string State(int turn) =>
            $$"""{"turns":{{turn + 1}},"step":{{turn % BodyBytes.Length}},"pad":"{{new string('s', StateBytes - 40)}}"}""";

        private static void Reply(Utf8JsonWriter json, string conversationId, string activityId, int n, string text)
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", $"{activityId}-{n}");
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("channelId", "webchat");
            json.WriteStartObject("from");
            json.WriteString("id", "closurebot");
            json.WriteString("name", "ClosureBot");
            json.WriteString("role", "bot");
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("id", conversationId);
            json.WriteEndObject();
            json.WriteString("replyToId", activityId);
            json.WriteString("inputHint", "expectingInput");
            json.WriteString("text", text);
            json.WriteString("speak", text);
        }
    }
}
