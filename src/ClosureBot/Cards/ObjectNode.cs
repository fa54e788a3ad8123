using System.Text.Json;
using System.Text.Json.Nodes;

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
        if (data is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                AddIfKept(scope.WithItem(JsValue.FromNode(items[i]), i), target);
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

    public override bool WriteProperty(BindingScope scope, string name, Utf8JsonWriter writer)
    {
        writer.WritePropertyName(name);
        var data = dataExpression is not null ? dataExpression.Evaluate(scope) : dataLiteral;
        if (data is not JsonArray items)
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
            var itemScope = scope.WithItem(JsValue.FromNode(items[i]), i);
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
        if (data is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var itemScope = scope.WithItem(JsValue.FromNode(items[i]), i);
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
        foreach (var (key, node) in properties)
        {
            node.WriteProperty(scope, key, writer);
        }

        writer.WriteEndObject();
    }
}
