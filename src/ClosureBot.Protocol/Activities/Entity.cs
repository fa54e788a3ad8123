using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>An entity: a <c>type</c> plus type-specific fields, kept as they came.</summary>
public sealed class Entity
{
    /// <summary>Entity type, e.g. <c>mention</c>, <c>clientInfo</c>.</summary>
    public string? Type { get; set; }
    /// <summary>The type-specific fields.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A reaction (messageReaction).</summary>
public sealed class MessageReaction
{
    /// <summary>Reaction type.</summary>
    public string? Type { get; set; }
    /// <summary>Fields not in the schema.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A text highlight (suggestion activities).</summary>
public sealed class TextHighlight
{
    /// <summary>Highlighted text.</summary>
    public string? Text { get; set; }
    /// <summary>Which occurrence.</summary>
    public int? Occurrence { get; set; }
}

/// <summary>A programmatic action carried by a message.</summary>
public sealed class SemanticAction
{
    /// <summary>Action id.</summary>
    public string? Id { get; set; }
    /// <summary><c>start</c>, <c>continue</c> or <c>done</c>.</summary>
    public string? State { get; set; }
    /// <summary>Entities by name.</summary>
    public Dictionary<string, Entity>? Entities { get; set; }
}
