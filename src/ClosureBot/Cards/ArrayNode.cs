using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

internal sealed class ArrayNode(TemplateNode[] items) : TemplateNode
{
    public override bool TryExpand(BindingScope scope, out JsonNode? value)
    {
        var array = new JsonArray();
        ExpandInto(scope, array);
        value = array;
        return true;
    }

    public override void ExpandInto(BindingScope scope, JsonArray target)
    {
        foreach (var item in items)
        {
            item.ExpandInto(scope, target);
        }
    }

    public override bool IsStatic => items.All(item => item.IsStatic);

    public override bool WriteProperty(BindingScope scope, JsonEncodedText name, Utf8JsonWriter writer)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        WriteItems(scope, writer);
        writer.WriteEndArray();
        return true;
    }

    public override void WriteItems(BindingScope scope, Utf8JsonWriter writer)
    {
        foreach (var item in items)
        {
            item.WriteItems(scope, writer);
        }
    }
}
