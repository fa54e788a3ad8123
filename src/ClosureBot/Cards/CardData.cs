using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

/// <summary>
/// Turns the data a card is bound with into the values the template engine reads (<see cref="JsValue"/>): strings,
/// numbers, booleans, <see cref="CardObject"/>s and <see cref="CardArray"/>s. A data object (an anonymous object of
/// strings, numbers, booleans, lists and nested objects) is read directly, each shape's properties looked up once and
/// kept; the values are what serializing it with the <c>fallback</c> options and parsing the JSON again would give, without
/// the text or a <see cref="JsonNode"/> tree in between. Strings stay the strings they were.
/// </summary>
internal static class CardData
{
    private static readonly object True = true, False = false;
    // Each type's properties, or null for a type that is not a plain data object.
    private static readonly ConcurrentDictionary<Type, Shape?> Shapes = new();

    /// <summary>The value for <paramref name="data"/>; any value of a type not listed above is serialized with <paramref name="fallback"/>.</summary>
    public static object? From(object? data, JsonSerializerOptions fallback)
    {
        switch (data)
        {
            case null:
                return null;
            case string s:
                return s;
            case bool b:
                return b ? True : False;
            case int i:
                return (double)i;
            case long l:
                return (double)l;
            case double d when double.IsFinite(d):
                return d;
            case JsonNode node:
                return FromNode(node);
            case IDictionary or JsonElement:
                return FromNode(JsonSerializer.SerializeToNode(data, data.GetType(), fallback));
            case IEnumerable items:
                var list = new List<object?>();
                foreach (var item in items) list.Add(From(item, fallback));
                return list.Count == 0 ? CardArray.Empty : new CardArray([.. list]);
        }

        var type = data.GetType();
        var shape = Shapes.GetOrAdd(type, static (t, options) => IsPlainObject(t) ? new Shape(t, options) : null, fallback);
        if (shape is null) return FromNode(JsonSerializer.SerializeToNode(data, type, fallback));
        var values = new object?[shape.Names.Length];
        for (var i = 0; i < values.Length; i++)
        {
            // Null properties are left out, as the app's options write them.
            values[i] = shape.Getters[i](data) is { } value ? From(value, fallback) : Undefined.Value;
        }
        return new CardObject(shape.Names, values);
    }

    /// <summary>The value for JSON data (a template's literal <c>$data</c>, or data given as a tree).</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var names = new string[obj.Count];
                var values = new object?[obj.Count];
                var i = 0;
                foreach (var (name, value) in obj)
                {
                    names[i] = name;
                    values[i++] = FromNode(value);
                }
                return new CardObject(names, values);
            case JsonArray array:
                return array.Count == 0 ? CardArray.Empty : new CardArray([.. array.Select(FromNode)]);
        }

        var leaf = node.AsValue();
        return leaf.GetValueKind() switch
        {
            JsonValueKind.String => leaf.GetValue<string>(),
            JsonValueKind.True => True,
            JsonValueKind.False => False,
            JsonValueKind.Number => ToDouble(leaf),
            _ => null,
        };
    }

    /// <summary>The value as a JSON tree, the way the data would have been written (properties the object lacks left out).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        string s => JsonValue.Create(s),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        CardObject o => ToObject(o),
        CardArray a => new JsonArray([.. a.Items.ToArray().Select(ToNode)]),
        _ => throw new InvalidOperationException($"Unexpected value type {value.GetType()}."),
    };

    private static JsonObject ToObject(CardObject o)
    {
        var result = new JsonObject();
        for (var i = 0; i < o.Length; i++)
        {
            if (o.ValueAt(i) is not Undefined) result[o.NameAt(i)] = ToNode(o.ValueAt(i));
        }
        return result;
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

    // Anonymous types and other classes whose public properties are their data; anything else (dates, enums, records with
    // converters) is left to the serializer.
    private static bool IsPlainObject(Type type) =>
        type.IsClass && type != typeof(string) && Attribute.GetCustomAttribute(type, typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) is not null;

    private sealed class Shape
    {
        private static readonly MethodInfo GetterOf = typeof(Shape).GetMethod(nameof(TypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

        public Shape(Type type, JsonSerializerOptions options)
        {
            var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0).ToArray();
            Names = [.. properties.Select(p => options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name)];
            Getters = [.. properties.Select(Getter)];
        }

        public string[] Names { get; }

        /// <summary>
        /// Each property's getter as a delegate: <see cref="PropertyInfo.GetValue(object)"/> goes through reflection's
        /// invoker on every read, about a third of this class's time when every reply binds a card.
        /// </summary>
        public Func<object, object?>[] Getters { get; }

        private static Func<object, object?> Getter(PropertyInfo property) =>
            (Func<object, object?>)GetterOf.MakeGenericMethod(property.DeclaringType!, property.PropertyType).Invoke(null, [property.GetMethod!])!;

        private static Func<object, object?> TypedGetter<TObject, TValue>(MethodInfo getter)
        {
            var get = getter.CreateDelegate<Func<TObject, TValue>>();
            return data => get((TObject)data);
        }
    }
}
