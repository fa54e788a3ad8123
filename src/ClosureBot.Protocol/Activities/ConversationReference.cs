using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>Where a conversation lives: enough to reply to it later.</summary>
public sealed class ConversationReference
{
    /// <summary>Activity id.</summary>
    public string? ActivityId { get; set; }
    /// <summary>The user.</summary>
    public ChannelAccount? User { get; set; }
    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>Channel id.</summary>
    public string? ChannelId { get; set; }
    /// <summary>Service URL.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>Locale.</summary>
    public string? Locale { get; set; }
    /// <summary>Fields not in the schema.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
