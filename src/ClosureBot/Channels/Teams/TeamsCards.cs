using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Localization;

namespace ClosureBot.Channels.Teams;

/// <summary>How the bot's Adaptive Cards are shaped for Teams (bot-protocol §5.3–§5.7).</summary>
public static class TeamsCards
{
    /// <summary>The size to stay under: the 28 KB Teams applies to cards posted by its connectors, the strictest figure quoted.</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>
    /// Makes every <c>Action.Submit</c> whose data names an <c>action</c> a Teams <c>messageBack</c>: the click shows the
    /// button's title in the chat as the customer's answer and sends the typed equivalent as text, while the data (the
    /// <c>action</c> and <c>step</c> the dialog reads) stays as it is, so Web Chat reads the same card the same way.
    /// </summary>
    public static void AddMessageBack(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) AddMessageBack(item);
                break;
            case JsonObject obj:
                if ((string?)obj["type"] is "Action.Submit" && obj["data"] is JsonObject data
                    && data["action"] is JsonValue action && action.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && (string?)action is { } verb && !data.ContainsKey("msteams"))
                {
                    data["msteams"] = new JsonObject
                    {
                        ["type"] = "messageBack",
                        ["displayText"] = (string?)obj["title"] ?? verb,
                        ["text"] = verb.Replace('-', ' '),
                    };
                }
                foreach (var (_, child) in obj.ToList()) AddMessageBack(child);
                break;
        }
    }

    /// <summary>
    /// The answered version of a card: the same content without any action (buttons, action sets, select actions), and a
    /// last line saying it was answered, so an old card can no longer be clicked.
    /// </summary>
    public static JsonObject Completed(JsonObject card, string? answer, LocaleTable t)
    {
        var copy = (JsonObject)card.DeepClone();
        StripActions(copy);
        var body = copy["body"] as JsonArray ?? (JsonArray)(copy["body"] = new JsonArray());
        body.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = answer is { Length: > 0 } ? t.Format(TextId.AnsweredWith, answer) : t[TextId.Answered],
            ["wrap"] = true,
            ["isSubtle"] = true,
            ["spacing"] = "Medium",
        });
        return copy;
    }

    /// <summary>
    /// The caption of the button a click came from, as the customer read it on <paramref name="card"/> (in their
    /// language): the title of the <c>Action.Submit</c> whose data match the click's (<c>action</c>, <c>step</c> and any
    /// other value the button carries); null when no button of the card matches.
    /// </summary>
    public static string? CaptionOf(JsonNode? card, JsonNode? clicked) => clicked is JsonObject data ? Caption(card, data) : null;

    private static string? Caption(JsonNode? node, JsonObject clicked)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                    if (Caption(item, clicked) is { } found) return found;
                return null;
            case JsonObject obj:
                if ((string?)obj["type"] is "Action.Submit" or "Action.Execute" && obj["title"] is JsonValue title
                    && obj["data"] is JsonObject data && Matches(data, clicked)) return (string?)title;
                foreach (var (_, child) in obj)
                    if (Caption(child, clicked) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    // Every plain value the button sends must come back in the click; Teams' own msteams block is not the answer.
    private static bool Matches(JsonObject button, JsonObject clicked) =>
        button["action"] is JsonValue && button.Where(p => p.Key != "msteams" && p.Value is JsonValue)
            .All(p => clicked[p.Key] is JsonValue value && JsonNode.DeepEquals(value, p.Value));

    /// <summary>Whether the card has anything to click (only those are worth updating once answered).</summary>
    public static bool HasActions(JsonNode? node) => node switch
    {
        JsonArray array => array.Any(HasActions),
        JsonObject obj => obj.ContainsKey("actions") && obj["actions"] is JsonArray { Count: > 0 } || (string?)obj["type"] == "ActionSet"
            || obj.Any(p => HasActions(p.Value)),
        _ => false,
    };

    /// <summary>The screen a card belongs to: the <c>step</c> its buttons submit; null for a card without one.</summary>
    public static string? StepOf(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(StepOf).FirstOrDefault(s => s is not null),
        JsonObject obj when (string?)obj["type"] == "Action.Submit" && obj["data"]?["step"] is JsonValue step
            && step.GetValueKind() == System.Text.Json.JsonValueKind.String => (string?)step,
        JsonObject obj => obj.Select(p => StepOf(p.Value)).FirstOrDefault(s => s is not null),
        _ => null,
    };

    /// <summary>The card's size as Teams counts a message (UTF-16 code units, i.e. 2 bytes a character).</summary>
    public static int SizeInBytes(JsonNode card) => Encoding.Unicode.GetByteCount(card.ToJsonString());

    /// <summary>
    /// The Adaptive Cards among <paramref name="activity"/>'s attachments, as editable trees: a card carried as
    /// pre-serialized text (how the bot binds them) is parsed and put back as a tree.
    /// </summary>
    public static IEnumerable<JsonObject> AdaptiveCards(Activity activity)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType != Attachment.AdaptiveCardContentType || attachment.Content is null) continue;
            if (attachment.Content is not JsonObject && JsonNode.Parse(attachment.Content.ToJsonString()) is JsonObject parsed) attachment.Content = parsed;
            if (attachment.Content is JsonObject card) yield return card;
        }
    }

    private static void StripActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonObject { } item && (string?)item["type"] == "ActionSet") array.RemoveAt(i);
                    else StripActions(array[i]);
                }
                break;
            case JsonObject obj:
                obj.Remove("actions");
                obj.Remove("selectAction");
                foreach (var (_, child) in obj.ToList()) StripActions(child);
                break;
        }
    }
}
