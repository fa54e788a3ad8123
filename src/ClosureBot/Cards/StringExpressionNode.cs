using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// A string holding `${...}`. A string that is exactly one expression keeps the expression's type
// (number, bool, object...); anything else is text, where an expression that fails is written back
// as "${expression}" rather than failing the card, as the official engine does.
internal sealed class StringExpressionNode : TemplateNode
{
    // One builder per thread for the text of interpolated strings (taken while in use, so a nested use gets its own).
    [ThreadStatic] private static StringBuilder? t_text;
    private readonly Expr? _whole;
    private readonly object[] _parts;

    private StringExpressionNode(Expr? whole, object[] parts)
    {
        _whole = whole;
        _parts = parts;
    }

    public static StringExpressionNode Create(IReadOnlyList<object> parts)
    {
        if (parts.Count == 1 && parts[0] is Expr single)
        {
            // The official engine evaluates a whole-string concat() as text interpolation of its arguments.
            return single is CallExpr { Name: "concat" } concat
                ? new StringExpressionNode(null, concat.Arguments)
                : new StringExpressionNode(single, []);
        }

        return new StringExpressionNode(null, [.. parts]);
    }

    public object? Evaluate(BindingScope scope)
    {
        if (_whole is not null)
        {
            return _whole.Evaluate(scope, true);
        }

        var text = t_text ?? new StringBuilder();
        t_text = null;
        text.Clear();
        try
        {
            return Interpolate(scope, text);
        }
        finally
        {
            if (text.Capacity <= 4096) t_text = text;
        }
    }

    private object? Interpolate(BindingScope scope, StringBuilder text)
    {
        foreach (var part in _parts)
        {
            if (part is string literal)
            {
                text.Append(literal);
                continue;
            }

            var expr = (Expr)part;
            object? value;
            try
            {
                value = expr.Evaluate(scope, true);
            }
            catch (TemplateEvaluationException)
            {
                text.Append("${").Append(expr.Source).Append('}');
                continue;
            }

            if (value is null or Undefined)
            {
                throw new TemplateEvaluationException(
                    $"'${{{expr.Source}}}' is {(value is null ? "null" : "undefined")} inside text; guard it with $when or if()");
            }

            text.Append(JsValue.ToText(value));
        }

        return text.ToString();
    }

    // `$when` keeps an element only for a real boolean true; a failing condition counts as false.
    public bool EvaluateCondition(BindingScope scope) =>
        _whole is not null && FunctionOperators.TryEvaluate(_whole, scope, out var value) && value is true;

    public override bool TryExpand(BindingScope scope, out JsonNode? value)
    {
        var result = Evaluate(scope);
        value = JsValue.ToNode(result);
        return result is not Undefined;
    }

    public override bool WriteProperty(BindingScope scope, JsonEncodedText name, Utf8JsonWriter writer)
    {
        var result = Evaluate(scope);
        if (result is Undefined)
        {
            return false;
        }

        writer.WritePropertyName(name);
        JsValue.Write(result, writer);
        return true;
    }

    public override void WriteItems(BindingScope scope, Utf8JsonWriter writer)
    {
        switch (Evaluate(scope))
        {
            case null:
                break;
            case CardArray items:
                foreach (var item in items.Items)
                {
                    JsValue.Write(item, writer);
                }

                break;
            case var other:
                JsValue.Write(other, writer);
                break;
        }
    }

    public override void ExpandInto(BindingScope scope, JsonArray target)
    {
        switch (Evaluate(scope))
        {
            case null:
                break;
            case CardArray items:
                foreach (var item in items.Items)
                {
                    target.Add(JsValue.ToNode(item));
                }

                break;
            case var other:
                target.Add(JsValue.ToNode(other));
                break;
        }
    }
}
