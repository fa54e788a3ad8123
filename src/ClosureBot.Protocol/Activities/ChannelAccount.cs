using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>A participant: user or bot.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel-specific id.</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>Entra object id, where the channel knows it.</summary>
    public string? AadObjectId { get; set; }
    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }
    /// <summary>Fields not in the schema.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
