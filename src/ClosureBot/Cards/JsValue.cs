using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// Values during evaluation are JavaScript-like, as in the official engine: Undefined.Value, null,
// string, double, bool, or a JsonObject/JsonArray borrowed from the data (cloned only on output).
internal static class JsValue
{
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject or JsonArray:
                return node;
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return ToDouble(value);
            default:
                return null;
        }
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        string s => JsonValue.Create(s),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        JsonNode n => n.DeepClone(),
        _ => throw new InvalidOperationException($"Unexpected value type {value.GetType()}."),
    };

    // Writes what ToNode would produce, without building it.
    public static void Write(object? value, Utf8JsonWriter writer)
    {
        switch (value)
        {
            case null or Undefined:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonNode n:
                n.WriteTo(writer);
                break;
            default:
                throw new InvalidOperationException($"Unexpected value type {value.GetType()}.");
        }
    }

    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or Undefined => false,
        _ => true,
    };

    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d);

    // JavaScript's String(value), used when an expression is spliced into text.
    public static string ToText(object? value) => value switch
    {
        string s => s,
        double d => NumberToText(d),
        bool b => b ? "true" : "false",
        JsonArray a => string.Join(",", a.Select(item => item is null ? "" : ToText(FromNode(item)))),
        JsonObject => "[object Object]",
        _ => throw new TemplateEvaluationException($"cannot convert {(value is null ? "null" : "undefined")} to text"),
    };

    // Adaptive Expressions' commonStringify, used by string() and concat().
    public static string Stringify(object? value) => value switch
    {
        null or Undefined => "",
        JsonNode node => node.ToJsonString().Trim('"', '\''),
        _ => ToText(value),
    };

    public static string NumberToText(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e21)
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new StringBuilder(text, 0, e, text.Length + 2).Append('e').Append(exponent < 0 ? "-" : "+")
            .Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture)).ToString();
    }

    public static bool CommonEquals(object? left, object? right)
    {
        if (left is null or Undefined || right is null or Undefined)
        {
            return left is null or Undefined && right is null or Undefined;
        }

        return (left, right) switch
        {
            (double a, double b) => a == b || Math.Abs(a - b) < double.Epsilon,
            (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
            _ => left.Equals(right),
        };
    }

    // Adaptive Expressions looks properties up case-insensitively and returns the first match in
    // document order, so an exact-case lookup first would not give the same answer.
    public static object? GetProperty(object? instance, string name)
    {
        if (instance is JsonObject obj)
        {
            // A case-insensitive object (card data serialized with the app's options) cannot hold two keys that differ
            // only in case, so its own lookup finds the same property without walking it.
            if (obj.Options?.PropertyNameCaseInsensitive == true)
            {
                return obj.TryGetPropertyValue(name, out var found) ? FromNode(found) : Undefined.Value;
            }

            foreach (var (key, value) in obj)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return FromNode(value);
                }
            }
        }

        return Undefined.Value;
    }

    private static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue(out double d)) return d;
        if (value.TryGetValue(out int i)) return i;
        if (value.TryGetValue(out long l)) return l;
        if (value.TryGetValue(out decimal m)) return (double)m;
        if (value.TryGetValue(out float f)) return f;
        return double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }
}
