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
        var keep = whenStatic ?? whenExpression?.EvaluateCondition(scope) ?? true;
        if (!keep)
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
}
