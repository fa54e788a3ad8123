using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>A button: suggested action or hero-card action.</summary>
public sealed class CardAction
{
    /// <summary><c>imBack</c>, <c>postBack</c>, <c>messageBack</c>, <c>openUrl</c>, …</summary>
    public string? Type { get; set; }
    /// <summary>Caption.</summary>
    public string? Title { get; set; }
    /// <summary>Icon URL.</summary>
    public string? Image { get; set; }
    /// <summary>Icon alt text.</summary>
    public string? ImageAltText { get; set; }
    /// <summary>Text sent to the bot (messageBack).</summary>
    public string? Text { get; set; }
    /// <summary>Text shown in the feed (messageBack).</summary>
    public string? DisplayText { get; set; }
    /// <summary>Value sent (a string for imBack/postBack, a URL for openUrl).</summary>
    public JsonNode? Value { get; set; }
    /// <summary>Channel-specific payload.</summary>
    public JsonNode? ChannelData { get; set; }
    /// <summary>Fields not in the schema.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>An <c>imBack</c> button: clicking it posts <paramref name="title"/> (or <paramref name="value"/>) as the user's message.</summary>
    public static CardAction ImBack(string title, string? value = null) =>
        new() { Type = "imBack", Title = title, Value = JsonValue.Create(value ?? title) };
}

/// <summary>Quick replies shown with a message.</summary>
public sealed class SuggestedActions
{
    /// <summary>Recipient ids the actions are for.</summary>
    public List<string>? To { get; set; }
    /// <summary>The buttons.</summary>
    public List<CardAction> Actions { get; set; } = [];
}
