using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// The one set of JSON options for the whole app: camelCase, nulls omitted, case-insensitive on input,
/// backed by source-generated metadata for the protocol types so the hot path avoids reflection.
/// </summary>
public static class ProtocolJson
{
    /// <summary>The shared options. Do not mutate.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
                ProtocolJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(PreSerializedJson))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
