using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// JSON text produced elsewhere (a bound card, say) carried inside a <see cref="JsonNode"/> tree and written out
/// verbatim, so a large payload is serialized once instead of being built as a tree and walked again.
/// </summary>
[JsonConverter(typeof(PreSerializedJsonConverter))]
public sealed class PreSerializedJson
{
    private PreSerializedJson(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    /// <summary>The JSON text, UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>A node that writes <paramref name="utf8"/> as it is. The text must be one valid JSON value.</summary>
    public static JsonNode ToNode(ReadOnlyMemory<byte> utf8) =>
        JsonValue.Create(new PreSerializedJson(utf8), (JsonTypeInfo<PreSerializedJson>)ProtocolJson.Options.GetTypeInfo(typeof(PreSerializedJson)))!;

    /// <summary>Reads any JSON value into its text; writes the text as it is.</summary>
    public sealed class PreSerializedJsonConverter : JsonConverter<PreSerializedJson>
    {
        /// <inheritdoc />
        public override PreSerializedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new PreSerializedJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, PreSerializedJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
