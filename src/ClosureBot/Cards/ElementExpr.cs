namespace ClosureBot.Cards;

// `instance[index]` at the top of an expression; inside a longer path it is folded into AccessorExpr.
internal sealed class ElementExpr(string source, Expr instance, Expr index) : Expr(source)
{
    public Expr Instance { get; } = instance;

    public Expr Index { get; } = index;

    public override object? Evaluate(BindingScope scope, bool substitute)
    {
        var value = Instance.Evaluate(scope, substitute);
        var key = Index.Evaluate(scope, false);
        if (key is double d && d == Math.Floor(d))
        {
            if (value is null or Undefined)
            {
                return Undefined.Value;
            }

            if (value is CardArray array)
            {
                return d >= 0 && d < array.Count
                    ? array[(int)d]
                    : throw new TemplateEvaluationException($"{Source}: index {JsValue.NumberToText(d)} is out of range");
            }

            throw new TemplateEvaluationException($"{Source}: {Instance.Source} is not a list");
        }

        if (key is string name)
        {
            return JsValue.IsLogicTrue(value) ? JsValue.GetProperty(value, name) : Undefined.Value;
        }

        throw new TemplateEvaluationException($"{Source}: {Index.Source} is neither a number nor a string");
    }
}
