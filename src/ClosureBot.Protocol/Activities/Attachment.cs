using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>An attachment: a card (inline <see cref="Content"/>) or a file (<see cref="ContentUrl"/>).</summary>
public sealed class Attachment
{
    /// <summary>Content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>MIME type.</summary>
    public string? ContentType { get; set; }
    /// <summary>Where the content lives.</summary>
    public string? ContentUrl { get; set; }
    /// <summary>Inline content (a card's JSON object).</summary>
    public JsonNode? Content { get; set; }
    /// <summary>File name.</summary>
    public string? Name { get; set; }
    /// <summary>Thumbnail.</summary>
    public string? ThumbnailUrl { get; set; }
    /// <summary>Fields not in the schema.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
