using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace ClosureBot.Dialogs.Waterfall;

/// <summary>
/// Copies a waterfall's state as writing it to JSON and reading it back would, without the JSON where that gives the same
/// object: a step hands its state over on every move (<see cref="WaterfallDialog{TState}"/> keeps a snapshot), and the
/// round trip through System.Text.Json's generic object reader was about 2.5 % of the bot's CPU under load (forty-eighth
/// measurement).
/// </summary>
internal static class StateCopy
{
    private static readonly Func<object, object> Clone =
        typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    // Values whose JSON gives back exactly the value written (floating point and decimals are left out: NaN is refused,
    // and a decimal's trailing zeros depend on how it is written).
    private static readonly HashSet<Type> ExactInJson =
    [
        typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(Guid), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly),
        typeof(TimeOnly),
    ];

    /// <summary>
    /// A copy made field by field, where that is the round trip's result: <typeparamref name="T"/> is sealed and derives
    /// from <see cref="object"/>, its contract has no callbacks (a type's <c>IJsonOnSerializing</c> and the like are among
    /// them), its fields are exactly the backing fields of the properties its contract <paramref name="contract"/> writes
    /// and reads (each with no converter of its own, none required), each of a type in <see cref="ExactInJson"/>, an enum,
    /// or a nullable of one, and a new <typeparamref name="T"/> has each at its default (so a property left out of the JSON
    /// for being null or default reads back as it was). Null otherwise: then the state goes through its JSON.
    /// <para>
    /// The copy it gives is null for a state with a surrogate in one of its texts: the JSON writes a lone half of a pair
    /// as U+FFFD, so for such a text the round trip is not a copy, and that state goes through its JSON too (a text with
    /// an emoji, which is a whole pair, goes that way as well).
    /// </para>
    /// </summary>
    public static Func<T, T?>? ByFields<T>(JsonTypeInfo<T> contract) where T : class, new()
    {
        var type = typeof(T);
        if (!type.IsSealed || type.BaseType != typeof(object) || contract.Kind != JsonTypeInfoKind.Object
            || contract.OnDeserializing is not null || contract.OnDeserialized is not null
            || contract.OnSerializing is not null || contract.OnSerialized is not null)
            return null;
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (fields.Length != contract.Properties.Count) return null;
        var fresh = new T();
        foreach (var field in fields)
        {
            if (!IsExact(field.FieldType) || field.GetCustomAttribute<CompilerGeneratedAttribute>() is null) return null;
            var property = contract.Properties.FirstOrDefault(p =>
                p.AttributeProvider is PropertyInfo info && field.Name == $"<{info.Name}>k__BackingField" && info.DeclaringType == type);
            if (property is null || property.Get is null || property.Set is null || property.CustomConverter is not null || property.IsRequired
                || property.PropertyType != field.FieldType || !Equals(field.GetValue(fresh), DefaultOf(field.FieldType)))
                return null;
        }
        // Read through the contract's own getters (the generated code's, for the app's states): reflection's
        // FieldInfo.GetValue would cost more than the copy on every move of a step.
        var texts = contract.Properties.Where(p => p.PropertyType == typeof(string)).Select(p => p.Get!).ToArray();
        return state => HasSurrogate(state, texts) ? null : (T)Clone(state);
    }

    private static bool HasSurrogate(object state, Func<object, object?>[] texts)
    {
        foreach (var text in texts)
        {
            if (text(state) is string value && value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return true;
        }
        return false;
    }

    private static bool IsExact(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum || ExactInJson.Contains(type);
    }

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
