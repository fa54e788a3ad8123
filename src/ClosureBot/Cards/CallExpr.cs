namespace ClosureBot.Cards;

internal sealed class CallExpr(string source, string name, ExpressionFunction function, Expr[] arguments) : Expr(source)
{
    public string Name { get; } = name;

    public Expr[] Arguments { get; } = arguments;

    public override object? Evaluate(BindingScope scope, bool substitute) => function(Arguments, scope, substitute);
}
