using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>Opaque conversation id.</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>More than two participants.</summary>
    public bool? IsGroup { get; set; }
    /// <summary>Channel-defined kind, e.g. Teams <c>personal</c>.</summary>
    public string? ConversationType { get; set; }
    /// <summary>Tenant id (Teams).</summary>
    public string? TenantId { get; set; }
    /// <summary>Entra object id.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>Role.</summary>
    public string? Role { get; set; }
    /// <summary>Fields not in the schema.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
