using System.Text;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// Turns template JSON into TemplateNodes once, parsing every `${...}` up front, so binding a card
// on each turn only evaluates. Throws FormatException naming the JSON path of a bad expression.
internal static class TemplateCompiler
{
    private static readonly HashSet<string> ReservedKeys =
        new(["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"], StringComparer.Ordinal);

    public static TemplateNode Compile(JsonNode? node) => node switch
    {
        JsonObject obj => CompileObject(obj),
        JsonArray array => FrozenNode.IfStatic(new ArrayNode([.. array.Select(Compile)])),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String =>
            CompileString(value.GetValue<string>(), value.GetPath()),
        _ => new LiteralNode(node?.DeepClone()),
    };

    private static TemplateNode CompileObject(JsonObject obj)
    {
        var properties = obj
            .Where(p => !ReservedKeys.Contains(p.Key))
            .Select(p => new KeyValuePair<string, TemplateNode>(p.Key, Compile(p.Value)))
            .ToArray();

        StringExpressionNode? dataExpression = null;
        object? dataLiteral = Undefined.Value;
        if (obj.TryGetPropertyValue("$data", out var data))
        {
            if (CompileString(data) is StringExpressionNode expression) dataExpression = expression;
            else dataLiteral = CardData.FromNode(data);
        }

        StringExpressionNode? whenExpression = null;
        bool? whenStatic = null;
        if (obj.TryGetPropertyValue("$when", out var when))
        {
            if (CompileString(when) is StringExpressionNode expression) whenExpression = expression;
            else whenStatic = !IsTruthy(CardData.FromNode(when));
        }

        return FrozenNode.IfStatic(new ObjectNode(properties, dataExpression, dataLiteral, whenExpression, whenStatic));
    }

    private static TemplateNode? CompileString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? CompileString(value.GetValue<string>(), value.GetPath())
            : null;

    private static TemplateNode CompileString(string text, string jsonPath)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new LiteralNode(JsonValue.Create(text));
        }

        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && string.CompareOrdinal(text, i + 1, "${", 0, 2) == 0)
            {
                literal.Append("${");
                i += 3;
            }
            else if (string.CompareOrdinal(text, i, "${", 0, 2) == 0)
            {
                var end = FindClosingBrace(text, i + 2)
                    ?? throw new FormatException($"{jsonPath}: '${{' without a closing '}}' in \"{text}\"");
                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                try
                {
                    parts.Add(ExpressionParser.Parse(text[(i + 2)..end]));
                }
                catch (FormatException ex)
                {
                    throw new FormatException($"{jsonPath}: {ex.Message}", ex);
                }

                i = end + 1;
            }
            else
            {
                literal.Append(text[i++]);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return parts.Count == 1 && parts[0] is string only
            ? new LiteralNode(JsonValue.Create(only))
            : StringExpressionNode.Create(parts);
    }

    private static int? FindClosingBrace(string text, int start)
    {
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\') i++;
                else if (c == quote) quote = null;
            }
            else if (c is '\'' or '"') quote = c;
            else if (c == '}') return i;
        }

        return null;
    }

    private static bool IsTruthy(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };
}
