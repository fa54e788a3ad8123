using System.Globalization;

namespace ClosureBot.Cards;

// The subset of Adaptive Expressions built-ins the cards use, with the official engine's quirks
// (e.g. logic and comparisons never substitute "${path}" for a missing value, `or` returns the
// last operand when none is true) so that both engines bind a template the same way.
internal static class ExpressionFunctions
{
    private static readonly Dictionary<string, FunctionDefinition> Functions = new(StringComparer.Ordinal)
    {
        ["count"] = new(Count, 1, 1),
        ["length"] = new(Length, 1, 1),
        ["empty"] = new(Empty, 1, 1),
        ["string"] = new(String, 1, 2),
        ["concat"] = new(Concat, 1, int.MaxValue),
        ["join"] = new(Join, 2, 3),
        ["if"] = new(If, 3, 3),
        ["not"] = new(Not, 1, 1),
        ["and"] = new(And, 1, int.MaxValue),
        ["or"] = new(Or, 1, int.MaxValue),
        ["add"] = new(FunctionOperators.Add, 2, int.MaxValue),
        ["sub"] = new(FunctionOperators.Subtract, 2, int.MaxValue),
        ["equals"] = new(FunctionOperators.Equal, 2, 2),
        ["notEquals"] = new(FunctionOperators.NotEqual, 2, 2),
        ["less"] = new(FunctionOperators.LessThan, 2, 2),
        ["lessOrEquals"] = new(FunctionOperators.LessThanOrEqual, 2, 2),
        ["greater"] = new(FunctionOperators.GreaterThan, 2, 2),
        ["greaterOrEquals"] = new(FunctionOperators.GreaterThanOrEqual, 2, 2),
    };

    public static bool TryGet(string name, out FunctionDefinition definition) =>
        Functions.TryGetValue(name, out definition!);

    public static IEnumerable<string> Names => Functions.Keys;

    private static object? Count(Expr[] args, BindingScope scope, bool substitute) =>
        args[0].Evaluate(scope, substitute) switch
        {
            string s => (double)s.Length,
            CardArray a => (double)a.Count,
            CardObject o => (double)o.Count,
            var v => throw Fail(args[0], v, "must be a string, list or object"),
        };

    private static object? Length(Expr[] args, BindingScope scope, bool substitute) =>
        args[0].Evaluate(scope, substitute) switch
        {
            string s => (double)s.Length,
            Undefined => 0d,
            var v => throw Fail(args[0], v, "is not a string"),
        };

    private static object? Empty(Expr[] args, BindingScope scope, bool substitute) =>
        FunctionOperators.TryEvaluate(args[0], scope, out var v) && v switch
        {
            null or Undefined => true,
            string s => s.Length == 0,
            CardArray a => a.Count == 0,
            CardObject o => o.Count == 0,
            _ => false,
        };

    private static object? String(Expr[] args, BindingScope scope, bool substitute)
    {
        var value = args[0].Evaluate(scope, substitute);
        if (value is not double d)
        {
            return JsValue.Stringify(value);
        }

        // Like d3-format ",.Nf" with as many decimals as the number has (en-US grouping).
        var text = JsValue.NumberToText(d);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        return d.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static object? Concat(Expr[] args, BindingScope scope, bool substitute)
    {
        var result = args[0].Evaluate(scope, substitute);
        for (var i = 1; i < args.Length; i++)
        {
            var next = args[i].Evaluate(scope, substitute);
            result = (result, next) switch
            {
                (null or Undefined, null or Undefined) => Undefined.Value,
                (null or Undefined, CardArray) => next,
                (CardArray, null or Undefined) => result,
                (CardArray a, CardArray b) => a.Concat(b),
                _ => JsValue.Stringify(result) + JsValue.Stringify(next),
            };
        }

        return result;
    }

    private static object? Join(Expr[] args, BindingScope scope, bool substitute)
    {
        if (args[0].Evaluate(scope, substitute) is not CardArray list)
        {
            throw new TemplateEvaluationException($"{args[0].Source} is not a list");
        }

        var items = list.Items.ToArray().Select(n => n is null ? "" : JsValue.ToText(n)).ToList();
        var separator = JsValue.ToText(args[1].Evaluate(scope, substitute));
        if (args.Length == 2)
        {
            return string.Join(separator, items);
        }

        var last = JsValue.ToText(args[2].Evaluate(scope, substitute));
        return items.Count < 3
            ? string.Join(last, items)
            : string.Join(separator, items.Take(items.Count - 1)) + last + items[^1];
    }

    private static object? If(Expr[] args, BindingScope scope, bool substitute) =>
        FunctionOperators.TryEvaluate(args[0], scope, out var condition) && JsValue.IsLogicTrue(condition)
            ? args[1].Evaluate(scope, substitute)
            : args[2].Evaluate(scope, substitute);

    private static object? Not(Expr[] args, BindingScope scope, bool substitute) =>
        !FunctionOperators.TryEvaluate(args[0], scope, out var value) || !JsValue.IsLogicTrue(value);

    private static object? And(Expr[] args, BindingScope scope, bool substitute)
    {
        foreach (var arg in args)
        {
            if (!FunctionOperators.TryEvaluate(arg, scope, out var value) || !JsValue.IsLogicTrue(value))
            {
                return false;
            }
        }

        return true;
    }

    private static object? Or(Expr[] args, BindingScope scope, bool substitute)
    {
        object? last = false;
        foreach (var arg in args)
        {
            if (!FunctionOperators.TryEvaluate(arg, scope, out last))
            {
                last = Undefined.Value;
            }
            else if (JsValue.IsLogicTrue(last))
            {
                return true;
            }
        }

        return last;
    }

    internal static TemplateEvaluationException Fail(Expr arg, object? value, string problem) =>
        new($"{arg.Source} {problem} (it is {DescribeValue(value)})");

    private static string DescribeValue(object? value) => value switch
    {
        null => "null",
        Undefined => "undefined",
        string => "a string",
        double => "a number",
        bool => "a boolean",
        CardArray => "a list",
        _ => "an object",
    };
}
