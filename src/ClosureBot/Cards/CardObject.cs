namespace ClosureBot.Cards;

/// <summary>
/// An object of card data as the template engine reads it: its property names (shared by every object of one data shape)
/// and their values, each already a template value (<see cref="JsValue"/>). A value of <see cref="Undefined"/> marks a
/// property the object does not have (a null property of a data object is left out, as the app's options write it).
/// </summary>
internal sealed class CardObject(string[] names, object?[] values)
{
    public int Length => names.Length;

    public string NameAt(int i) => names[i];

    public object? ValueAt(int i) => values[i];

    /// <summary>How many properties the object has.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var value in values) if (value is not Undefined) count++;
            return count;
        }
    }

    /// <summary>
    /// The property <paramref name="name"/> in any case, the first in document order, as Adaptive Expressions looks it
    /// up; <see cref="Undefined"/> when there is none.
    /// </summary>
    public object? Get(string name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (values[i] is not Undefined && string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return values[i];
        }
        return Undefined.Value;
    }
}
