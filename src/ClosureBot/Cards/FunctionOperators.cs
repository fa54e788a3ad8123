namespace ClosureBot.Cards;

// Operators (`+ - == != < <= > >=`) compile to these, as they do in Adaptive Expressions.
internal static class FunctionOperators
{
    // Logic and comparisons evaluate operands without "${path}" substitution and treat an error as "no value".
    public static bool TryEvaluate(Expr expr, BindingScope scope, out object? value)
    {
        try
        {
            value = expr.Evaluate(scope, false);
            return true;
        }
        catch (TemplateEvaluationException)
        {
            value = Undefined.Value;
            return false;
        }
    }

    public static object? Add(Expr[] args, BindingScope scope, bool substitute)
    {
        var result = AddOperand(args[0], scope, substitute);
        for (var i = 1; i < args.Length; i++)
        {
            var next = AddOperand(args[i], scope, substitute);
            if ((result is Undefined && next is double) || (next is Undefined && result is double))
            {
                throw new TemplateEvaluationException($"operator '+' cannot add a number and a missing value in {args[i].Source}");
            }

            result = (result, next) switch
            {
                (double a, double b) => a + b,
                (Undefined, Undefined) => "",
                (Undefined, _) => JsValue.ToText(next),
                (_, Undefined) => JsValue.ToText(result),
                _ => JsValue.ToText(result) + JsValue.ToText(next),
            };
        }

        return result;
    }

    public static object? Subtract(Expr[] args, BindingScope scope, bool substitute)
    {
        var result = Number(args[0], scope, substitute);
        for (var i = 1; i < args.Length; i++)
        {
            result -= Number(args[i], scope, substitute);
        }

        return result;
    }

    public static object? Equal(Expr[] args, BindingScope scope, bool substitute) =>
        TryOperands(args, scope, out var a, out var b) && JsValue.CommonEquals(a, b);

    public static object? NotEqual(Expr[] args, BindingScope scope, bool substitute) =>
        TryOperands(args, scope, out var a, out var b) && !JsValue.CommonEquals(a, b);

    public static object? LessThan(Expr[] args, BindingScope scope, bool substitute) => Compare(args, scope, c => c < 0);

    public static object? LessThanOrEqual(Expr[] args, BindingScope scope, bool substitute) => Compare(args, scope, c => c <= 0);

    public static object? GreaterThan(Expr[] args, BindingScope scope, bool substitute) => Compare(args, scope, c => c > 0);

    public static object? GreaterThanOrEqual(Expr[] args, BindingScope scope, bool substitute) => Compare(args, scope, c => c >= 0);

    private static object? AddOperand(Expr arg, BindingScope scope, bool substitute)
    {
        var value = arg.Evaluate(scope, substitute);
        return value is string or Undefined || JsValue.IsNumber(value)
            ? value
            : throw ExpressionFunctions.Fail(arg, value, "is neither a number nor a string");
    }

    private static double Number(Expr arg, BindingScope scope, bool substitute)
    {
        var value = arg.Evaluate(scope, substitute);
        return value is double d ? d : throw ExpressionFunctions.Fail(arg, value, "is not a number");
    }

    private static bool TryOperands(Expr[] args, BindingScope scope, out object? a, out object? b)
    {
        b = null;
        return TryEvaluate(args[0], scope, out a) && TryEvaluate(args[1], scope, out b);
    }

    private static bool Compare(Expr[] args, BindingScope scope, Func<int, bool> test)
    {
        if (!TryOperands(args, scope, out var a, out var b) || a is null or Undefined || b is null or Undefined)
        {
            return false;
        }

        return (a, b) switch
        {
            (double x, double y) => !double.IsNaN(x) && !double.IsNaN(y) && test(x.CompareTo(y)),
            (string x, string y) => test(string.CompareOrdinal(x, y)),
            _ => throw new TemplateEvaluationException(
                $"{args[0].Source} and {args[1].Source} must both be numbers or both be strings to compare"),
        };
    }
}
