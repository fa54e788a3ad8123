using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

/// <summary>
/// Turns the data object a card is bound with (an anonymous object of strings, numbers, booleans, lists and nested
/// objects) into the <see cref="JsonNode"/> the template reads, directly: the same tree as serializing it with
/// <paramref name="fallback"/> options and parsing it again, without the text in between. Each data shape's properties
/// are looked up once and kept; strings stay the strings they were, so reading them during binding copies nothing.
/// Objects are case-insensitive, as the official engine reads them.
/// </summary>
internal static class CardData
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    // Each type's properties, or null for a type that is not a plain data object.
    private static readonly ConcurrentDictionary<Type, Shape?> Shapes = new();

    /// <summary>The tree for <paramref name="data"/>; any value of a type not listed above is serialized with <paramref name="fallback"/>.</summary>
    public static JsonNode? From(object? data, JsonSerializerOptions fallback) => Convert(data, fallback);

    private static JsonNode? Convert(object? value, JsonSerializerOptions fallback)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int i:
                return JsonValue.Create(i);
            case long l:
                return JsonValue.Create(l);
            case double d when double.IsFinite(d):
                return JsonValue.Create(d);
            case JsonNode node:
                return node.DeepClone();
            case IDictionary or JsonElement:
                return JsonSerializer.SerializeToNode(value, value.GetType(), fallback);
            case IEnumerable items:
                var array = new JsonArray(NodeOptions);
                foreach (var item in items) array.Add(Convert(item, fallback));
                return array;
        }

        var type = value.GetType();
        var shape = Shapes.GetOrAdd(type, static (t, options) => IsPlainObject(t) ? new Shape(t, options) : null, fallback);
        if (shape is null) return JsonSerializer.SerializeToNode(value, type, fallback);
        var result = new JsonObject(NodeOptions);
        foreach (var (name, getter) in shape.Properties)
        {
            var propertyValue = getter.GetValue(value);
            // Null properties are left out, as the app's options write them.
            if (propertyValue is not null) result[name] = Convert(propertyValue, fallback);
        }
        return result;
    }

    // Anonymous types and other classes whose public properties are their data; anything else (dates, enums, records with
    // converters) is left to the serializer.
    private static bool IsPlainObject(Type type) =>
        type.IsClass && type != typeof(string) && Attribute.GetCustomAttribute(type, typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) is not null;

    private sealed class Shape(Type type, JsonSerializerOptions options)
    {
        public (string Name, PropertyInfo Getter)[] Properties { get; } = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, p))
            .ToArray();
    }
}
