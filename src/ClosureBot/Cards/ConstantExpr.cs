namespace ClosureBot.Cards;

internal sealed class ConstantExpr(string source, object? value) : Expr(source)
{
    public object? Value { get; } = value;

    public override object? Evaluate(BindingScope scope, bool substitute) => Value;
}
