using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Cards;

// A JSON object, with the templating directives `$data` (new scope; an array repeats the object,
// with $index) and `$when` (drop the object unless it evaluates to true).
internal sealed class ObjectNode(
    KeyValuePair<string, TemplateNode>[] properties,
    StringExpressionNode? dataExpression,
    object? dataLiteral,
    StringExpressionNode? whenExpression,
    bool? whenStatic) : TemplateNode
{
    // The keys as the app's encoder writes them, escaped once.
    private readonly JsonEncodedText[] _names = [.. properties.Select(p => JsonEncodedText.Encode(p.Key, ProtocolJson.Options.Encoder))];

    public override bool TryExpand(BindingScope scope, out JsonNode? value)
    {
        var results = new JsonArray();
        ExpandInto(scope, results);
        switch (results.Count)
        {
            case 0:
                value = null;
                break;
            case 1:
                value = results[0];
                results.RemoveAt(0);
                break;
            default:
                value = results;
                break;
        }

        return true;
    }

    public override void ExpandInto(BindingScope scope, JsonArray target)
    {
        var data = dataExpression is not null ? dataExpression.Evaluate(scope) : dataLiteral;
        if (data is CardArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                AddIfKept(scope.WithItem(items[i], i), target);
            }
        }
        else
        {
            AddIfKept(data is Undefined ? scope : scope.WithData(data), target);
        }
    }

    private void AddIfKept(BindingScope scope, JsonArray target)
    {
        if (!IsKept(scope))
        {
            return;
        }

        var result = new JsonObject();
        foreach (var (key, node) in properties)
        {
            if (node.TryExpand(scope, out var value))
            {
                result[key] = value;
            }
        }

        target.Add(result);
    }

    // A $when or $data expression reads the data; a literal $data or $when does not.
    public override bool IsStatic => dataExpression is null && whenExpression is null && properties.All(p => p.Value.IsStatic);

    public override bool WriteProperty(BindingScope scope, JsonEncodedText name, Utf8JsonWriter writer)
    {
        writer.WritePropertyName(name);
        var data = dataExpression is not null ? dataExpression.Evaluate(scope) : dataLiteral;
        if (data is not CardArray items)
        {
            var single = data is Undefined ? scope : scope.WithData(data);
            if (IsKept(single))
            {
                WriteObject(single, writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            return true;
        }

        // A repeat is written as TryExpand shapes it: nothing kept is null, one kept is the object itself.
        var kept = new List<BindingScope>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemScope = scope.WithItem(items[i], i);
            if (IsKept(itemScope))
            {
                kept.Add(itemScope);
            }
        }

        if (kept.Count == 0)
        {
            writer.WriteNullValue();
        }
        else if (kept.Count == 1)
        {
            WriteObject(kept[0], writer);
        }
        else
        {
            writer.WriteStartArray();
            foreach (var itemScope in kept)
            {
                WriteObject(itemScope, writer);
            }

            writer.WriteEndArray();
        }

        return true;
    }

    public override void WriteItems(BindingScope scope, Utf8JsonWriter writer)
    {
        var data = dataExpression is not null ? dataExpression.Evaluate(scope) : dataLiteral;
        if (data is CardArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var itemScope = scope.WithItem(items[i], i);
                if (IsKept(itemScope))
                {
                    WriteObject(itemScope, writer);
                }
            }
        }
        else
        {
            var single = data is Undefined ? scope : scope.WithData(data);
            if (IsKept(single))
            {
                WriteObject(single, writer);
            }
        }
    }

    private bool IsKept(BindingScope scope) => whenStatic ?? whenExpression?.EvaluateCondition(scope) ?? true;

    private void WriteObject(BindingScope scope, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < properties.Length; i++)
        {
            properties[i].Value.WriteProperty(scope, _names[i], writer);
        }

        writer.WriteEndObject();
    }
}
