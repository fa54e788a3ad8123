namespace ClosureBot.Cards;

// One step of a path: `.name` (or the leading identifier) or `[index]`.
internal sealed class PathSegment
{
    private PathSegment(string? name, Expr? index)
    {
        Name = name;
        Index = index;
    }

    public string? Name { get; }

    public Expr? Index { get; }

    public static PathSegment Property(string name) => new(name, null);

    public static PathSegment Indexer(Expr index) => new(null, index);
}
