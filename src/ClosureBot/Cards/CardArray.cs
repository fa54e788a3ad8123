namespace ClosureBot.Cards;

/// <summary>A list of card data as the template engine reads it: each item already a template value (<see cref="JsValue"/>).</summary>
internal sealed class CardArray(object?[] items)
{
    private readonly object?[] _items = items;

    public static readonly CardArray Empty = new([]);

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public ReadOnlySpan<object?> Items => _items;

    public CardArray Concat(CardArray other) => new([.. _items, .. other._items]);
}
