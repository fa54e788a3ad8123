using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Cards;

// A piece of a template with no expression in it (a TextBlock whose text the language's strings filled in, a column
// set's widths), written once when the template is compiled: binding copies its bytes instead of walking it. The node
// it stands for still builds the output tree (Bind), so both outputs keep the one definition of what a piece expands to.
internal sealed class FrozenNode : TemplateNode
{
    private static readonly BindingScope NoScope = new(Undefined.Value, Undefined.Value, Undefined.Value);
    private readonly TemplateNode _node;
    // What the node writes as a property's value (null: it writes no property), and as array items (none, one or more).
    private readonly byte[]? _propertyValue;
    private readonly byte[][] _items;

    private FrozenNode(TemplateNode node)
    {
        _node = node;
        _propertyValue = Written(w =>
        {
            w.WriteStartObject();
            var wrote = node.WriteProperty(NoScope, JsonEncodedText.Encode("v", ProtocolJson.Options.Encoder), w);
            w.WriteEndObject();
            return wrote;
        }) is { } obj ? Values(obj, inObject: true).SingleOrDefault() : null;
        _items = Values(Written(w =>
        {
            w.WriteStartArray();
            node.WriteItems(NoScope, w);
            w.WriteEndArray();
            return true;
        })!, inObject: false);
    }

    /// <summary><paramref name="node"/> frozen if nothing it writes depends on the data, else the node itself.</summary>
    public static TemplateNode IfStatic(TemplateNode node) => node.IsStatic && node is not (LiteralNode or FrozenNode) ? new FrozenNode(node) : node;

    public override bool IsStatic => true;

    public override bool TryExpand(BindingScope scope, out JsonNode? value) => _node.TryExpand(scope, out value);

    public override void ExpandInto(BindingScope scope, JsonArray target) => _node.ExpandInto(scope, target);

    public override bool WriteProperty(BindingScope scope, JsonEncodedText name, Utf8JsonWriter writer)
    {
        if (_propertyValue is null) return false;
        writer.WritePropertyName(name);
        writer.WriteRawValue(_propertyValue, skipInputValidation: true);
        return true;
    }

    public override void WriteItems(BindingScope scope, Utf8JsonWriter writer)
    {
        foreach (var item in _items) writer.WriteRawValue(item, skipInputValidation: true);
    }

    private static byte[]? Written(Func<Utf8JsonWriter, bool> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ProtocolJson.Options.Encoder, SkipValidation = true });
        var wrote = write(writer);
        writer.Flush();
        return wrote ? buffer.WrittenSpan.ToArray() : null;
    }

    // The raw bytes of each value directly inside the object or array written above.
    private static byte[][] Values(byte[] json, bool inObject)
    {
        var values = new List<byte[]>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
            if (inObject) reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            values.Add(json[start..(int)reader.BytesConsumed]);
        }
        return [.. values];
    }
}
