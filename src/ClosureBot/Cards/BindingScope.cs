namespace ClosureBot.Cards;

// The three names an expression can start from: $root, $data (the default) and $index (inside a repeat).
internal sealed class BindingScope(object? root, object? data, object? index)
{
    public object? Root { get; } = root;

    public object? Data { get; } = data;

    public object? Index { get; } = index;

    public BindingScope WithData(object? data) => new(Root, data, Index);

    public BindingScope WithItem(object? data, int index) => new(Root, data, (double)index);
}
