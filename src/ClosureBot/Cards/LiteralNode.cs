using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Cards;

internal sealed class LiteralNode(JsonNode? literal) : TemplateNode
{
    // Serialized once, with the app's encoder, and copied into every card.
    private readonly byte[]? _json = literal is null ? null : JsonSerializer.SerializeToUtf8Bytes(literal, ProtocolJson.Options);

    public override bool TryExpand(BindingScope scope, out JsonNode? value)
    {
        value = literal?.DeepClone();
        return true;
    }

    public override void ExpandInto(BindingScope scope, JsonArray target)
    {
        if (literal is not null)
        {
            target.Add(literal.DeepClone());
        }
    }

    public override bool IsStatic => true;

    public override bool WriteProperty(BindingScope scope, JsonEncodedText name, Utf8JsonWriter writer)
    {
        writer.WritePropertyName(name);
        if (_json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(_json, skipInputValidation: true);
        }

        return true;
    }

    public override void WriteItems(BindingScope scope, Utf8JsonWriter writer)
    {
        if (_json is not null)
        {
            writer.WriteRawValue(_json, skipInputValidation: true);
        }
    }
}
