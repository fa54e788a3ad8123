using System.Text;
using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Channels.Teams;

// One message as the Agents Playground shows it in the chat (a "createMessage"/"updateMessage" frame of its stream).
public sealed class PlaygroundMessage(string action, string conversationId, JsonObject message)
{
    public string Action { get; } = action;

    public string ConversationId { get; } = conversationId;

    public JsonObject Raw { get; } = message;

    public string? MessageId => (string?)Raw["messageId"] ?? (string?)Raw["id"];

    public string? FromId => (string?)Raw["from"]?["id"];

    public string? Text => (string?)Raw["text"];

    /// <summary>The Adaptive Cards it carries.</summary>
    public IEnumerable<JsonObject> Cards => (Raw["attachments"]?.AsArray() ?? [])
        .Where(a => (string?)a?["contentType"] == "application/vnd.microsoft.card.adaptive")
        .Select(a => a!["content"] is JsonValue v && v.TryGetValue<string>(out var s) ? JsonNode.Parse(s)!.AsObject() : a!["content"]!.AsObject());

    /// <summary>Every card action (Action.Submit, Action.Execute, Action.OpenUrl…) wherever it sits in the cards.</summary>
    public IEnumerable<JsonObject> CardActions => Cards.SelectMany(Descendants).Where(n => ((string?)n["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    public IEnumerable<JsonObject> SuggestedActions => (Raw["suggestedActions"]?["actions"]?.AsArray() ?? []).OfType<JsonObject>();

    /// <summary>What a person reads: the text, then the cards' texts, fact titles and values, and button titles.</summary>
    public string Everything
    {
        get
        {
            var all = new StringBuilder(Text).AppendLine();
            foreach (var card in Cards) AppendStrings(card, all);
            return all.ToString();
        }
    }

    public override string ToString() => $"{Action} {MessageId} from {FromId}: {Everything.Trim()}";

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    private static void AppendStrings(JsonNode? node, StringBuilder all)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    if (key is "body" or "items" or "columns" or "actions" or "facts" or "card" or "inlines" or "text" or "title" or "value")
                        AppendStrings(value, all);
                break;
            case JsonArray a: foreach (var item in a) AppendStrings(item, all); break;
            case JsonValue v when v.TryGetValue<string>(out var s): all.AppendLine(s); break;
        }
    }
}
