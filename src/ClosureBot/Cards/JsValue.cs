using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// Values during evaluation are JavaScript-like, as in the official engine: Undefined.Value, null,
// string, double, bool, or a CardObject/CardArray of the data (CardData), read and written in place.
internal static class JsValue
{
    public static JsonNode? ToNode(object? value) => CardData.ToNode(value);

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
            case CardObject o:
                writer.WriteStartObject();
                for (var i = 0; i < o.Length; i++)
                {
                    if (o.ValueAt(i) is Undefined) continue;
                    writer.WritePropertyName(o.NameAt(i));
                    Write(o.ValueAt(i), writer);
                }
                writer.WriteEndObject();
                break;
            case CardArray a:
                writer.WriteStartArray();
                foreach (var item in a.Items) Write(item, writer);
                writer.WriteEndArray();
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
        CardArray a => string.Join(",", a.Items.ToArray().Select(item => item is null ? "" : ToText(item))),
        CardObject => "[object Object]",
        _ => throw new TemplateEvaluationException($"cannot convert {(value is null ? "null" : "undefined")} to text"),
    };

    // Adaptive Expressions' commonStringify, used by string() and concat().
    public static string Stringify(object? value) => value switch
    {
        null or Undefined => "",
        CardObject or CardArray => ToNode(value)!.ToJsonString().Trim('"', '\''),
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
            (CardObject or CardArray, CardObject or CardArray) => JsonNode.DeepEquals(ToNode(left), ToNode(right)),
            _ => left.Equals(right),
        };
    }

    // Adaptive Expressions looks properties up case-insensitively and returns the first match in document order.
    public static object? GetProperty(object? instance, string name) => instance is CardObject o ? o.Get(name) : Undefined.Value;
}
