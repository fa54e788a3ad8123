namespace ClosureBot.Cards;

// A compiled expression. `substitute` mirrors the official engine's null substitution: where it is
// on, a path that finds nothing evaluates to the text "${path}" instead of undefined.
internal abstract class Expr(string source)
{
    public string Source { get; } = source;

    public abstract object? Evaluate(BindingScope scope, bool substitute);

    public override string ToString() => Source;
}
