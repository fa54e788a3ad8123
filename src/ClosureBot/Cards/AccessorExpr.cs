using System.Globalization;
using System.Text;

namespace ClosureBot.Cards;

// A path such as `name`, `$root.servers[0].name` or `f(x).name`, resolved the way the official
// engine's memory does: a step that finds nothing makes the whole path undefined (never an error).
internal sealed class AccessorExpr : Expr
{
    private readonly Expr? _base;
    private readonly PathSegment[] _segments;
    private readonly string?[] _staticKeys;
    private readonly string? _staticPath;

    public AccessorExpr(string source, Expr? baseExpr, PathSegment[] segments)
        : base(source)
    {
        _base = baseExpr;
        _segments = segments;
        _staticKeys = new string?[segments.Length];
        var allStatic = true;
        for (var i = 0; i < segments.Length; i++)
        {
            var index = segments[i].Index;
            _staticKeys[i] = index is null ? segments[i].Name : index is ConstantExpr c ? KeyOf(c.Value) : null;
            allStatic &= _staticKeys[i] is not null;
        }

        _staticPath = allStatic ? BuildPath(_staticKeys) : null;
    }

    public override object? Evaluate(BindingScope scope, bool substitute)
    {
        var keys = _staticPath is null ? EvaluateKeys(scope, substitute) : _staticKeys;
        object? current;
        var start = 0;
        if (_base is not null)
        {
            current = _base.Evaluate(scope, substitute);
        }
        else if (keys[0]!.StartsWith('$'))
        {
            current = ScopeVariable(scope, keys[0]!);
            start = 1;
        }
        else
        {
            current = scope.Data;
        }

        for (var i = start; i < keys.Length && current is not Undefined; i++)
        {
            current = Step(current, keys[i]!);
        }

        if (current is Undefined && substitute)
        {
            return "${" + (_staticPath ?? BuildPath(keys)) + "}";
        }

        return current;
    }

    private static object? ScopeVariable(BindingScope scope, string name)
    {
        if (name.Equals("$root", StringComparison.OrdinalIgnoreCase)) return scope.Root;
        if (name.Equals("$data", StringComparison.OrdinalIgnoreCase)) return scope.Data;
        if (name.Equals("$index", StringComparison.OrdinalIgnoreCase)) return scope.Index;
        return Undefined.Value;
    }

    private static object? Step(object? current, string key)
    {
        if (current is CardArray array && int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return i >= 0 && i < array.Count ? array[i] : Undefined.Value;
        }

        return JsValue.GetProperty(current, key);
    }

    private string?[] EvaluateKeys(BindingScope scope, bool substitute)
    {
        var keys = new string?[_segments.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _staticKeys[i] ?? KeyOf(_segments[i].Index!.Evaluate(scope, substitute))
                ?? throw new TemplateEvaluationException($"{_segments[i].Index!.Source} doesn't return an int or string");
        }

        return keys;
    }

    private static string? KeyOf(object? value) => value switch
    {
        string s => s,
        double d when d == Math.Floor(d) => JsValue.NumberToText(d),
        _ => null,
    };

    private string BuildPath(string?[] keys)
    {
        var path = new StringBuilder();
        for (var i = 0; i < keys.Length; i++)
        {
            var index = _segments[i].Index;
            if (index is null)
            {
                path.Append(i == 0 ? "" : ".").Append(keys[i]);
            }
            else
            {
                var isNumber = int.TryParse(keys[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                path.Append(isNumber ? $"[{keys[i]}]" : $"['{keys[i]}']");
            }
        }

        return path.ToString();
    }
}
