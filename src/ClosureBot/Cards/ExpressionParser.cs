using System.Globalization;
using System.Text;

namespace ClosureBot.Cards;

// Recursive descent over the Adaptive Expressions grammar subset the cards need. Precedence follows
// that grammar (lowest first): ||, &&, < <= > >=, == != <>, + -, unary ! -, then paths and calls.
// Throws FormatException with a message a template author can act on.
internal sealed class ExpressionParser
{
    private static readonly string[][] BinaryLevels =
    [
        ["||"], ["&&"], ["<=", ">=", "<", ">"], ["==", "!=", "<>"], ["+", "-"],
    ];

    private static readonly Dictionary<string, string> OperatorFunctions = new(StringComparer.Ordinal)
    {
        ["||"] = "or", ["&&"] = "and", ["<"] = "less", ["<="] = "lessOrEquals", [">"] = "greater",
        [">="] = "greaterOrEquals", ["=="] = "equals", ["!="] = "notEquals", ["<>"] = "notEquals",
        ["+"] = "add", ["-"] = "sub", ["!"] = "not",
    };

    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseLevel(0);
        parser.SkipSpace();
        return parser._pos == text.Length ? expr : throw parser.Error("unexpected text");
    }

    private Expr ParseLevel(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var start = SkipSpace();
        var left = ParseLevel(level + 1);
        while (TryOperator(BinaryLevels[level], out var op))
        {
            var right = ParseLevel(level + 1);
            left = Call(start, OperatorFunctions[op], [left, right]);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var start = SkipSpace();
        if (TryOperator(["!"], out _))
        {
            return Call(start, "not", [ParseUnary()]);
        }

        if (Peek() == '-' && !(Peek(1) == '-'))
        {
            _pos++;
            var operand = ParseUnary();
            return operand is ConstantExpr { Value: double d }
                ? new ConstantExpr(Slice(start), -d)
                : Call(start, "sub", [new ConstantExpr("0", 0d), operand]);
        }

        return ParsePostfix(start);
    }

    private Expr ParsePostfix(int start)
    {
        Expr? baseExpr = null;
        var segments = new List<PathSegment>();
        var primary = ParsePrimary(start, out var identifier);
        if (identifier is not null)
        {
            segments.Add(PathSegment.Property(identifier));
        }
        else
        {
            baseExpr = primary;
        }

        while (true)
        {
            SkipSpace();
            if (Peek() == '.')
            {
                _pos++;
                SkipSpace();
                segments.Add(PathSegment.Property(ReadIdentifier() ?? throw Error("expected a property name after '.'")));
            }
            else if (Peek() == '[')
            {
                _pos++;
                var index = ParseLevel(0);
                Expect(']');
                segments.Add(PathSegment.Indexer(index));
            }
            else
            {
                break;
            }
        }

        if (segments.Count == 0)
        {
            return baseExpr!;
        }

        // A path ending in an indexer is an element access; an indexer inside a longer path is a path step.
        var source = Slice(start);
        var last = segments[^1];
        if (last.Index is not null)
        {
            segments.RemoveAt(segments.Count - 1);
            var instance = segments.Count == 0 ? baseExpr! : new AccessorExpr(source, baseExpr, [.. segments]);
            return new ElementExpr(source, instance, last.Index);
        }

        return new AccessorExpr(source, baseExpr, [.. segments]);
    }

    private Expr? ParsePrimary(int start, out string? identifier)
    {
        identifier = null;
        var c = Peek();
        if (c == '(')
        {
            _pos++;
            var inner = ParseLevel(0);
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new ConstantExpr(Slice(start, ReadString(c)), _lastString);
        }

        if (char.IsAsciiDigit(c))
        {
            while (char.IsAsciiDigit(Peek())) _pos++;
            if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                while (char.IsAsciiDigit(Peek())) _pos++;
            }

            var text = Slice(start);
            return new ConstantExpr(text, double.Parse(text, CultureInfo.InvariantCulture));
        }

        var name = ReadIdentifier() ?? throw Error(c == '\0' ? "the expression ends too early" : $"unexpected '{c}'");
        SkipSpace();
        if (Peek() == '(')
        {
            _pos++;
            var args = new List<Expr>();
            if (SkipSpace() >= 0 && Peek() != ')')
            {
                do args.Add(ParseLevel(0));
                while (TryOperator([","], out _));
            }

            Expect(')');
            return Call(start, name, [.. args]);
        }

        switch (name)
        {
            case "true": return new ConstantExpr(name, true);
            case "false": return new ConstantExpr(name, false);
            case "null": return new ConstantExpr(name, null);
            case "undefined": return new ConstantExpr(name, Undefined.Value);
        }

        identifier = name;
        return null;
    }

    private CallExpr Call(int start, string name, Expr[] args)
    {
        if (!ExpressionFunctions.TryGet(name, out var function))
        {
            throw new FormatException(
                $"unknown function '{name}' in '{_text}' (known: {string.Join(", ", ExpressionFunctions.Names.Order())})");
        }

        if (args.Length < function.MinArguments || args.Length > function.MaxArguments)
        {
            throw new FormatException($"function '{name}' cannot take {args.Length} argument(s) in '{_text}'");
        }

        return new CallExpr(Slice(start), name, function.Invoke, args);
    }

    private string? _lastString;

    private int ReadString(char quote)
    {
        var value = new StringBuilder();
        _pos++;
        while (Peek() != quote)
        {
            if (Peek() == '\0' && _pos >= _text.Length) throw Error("unterminated string");
            if (Peek() == '\\' && Peek(1) is '\\' or '\'' or '"') _pos++;
            value.Append(_text[_pos++]);
        }

        _pos++;
        _lastString = value.ToString();
        return _pos;
    }

    // Identifiers as Adaptive Expressions lexes them: a leading letter, _, $, @ or #, then letters,
    // digits, _ or - (so `a-b` is one name; write `a - b` to subtract).
    private string? ReadIdentifier()
    {
        var start = _pos;
        if (!(char.IsLetter(Peek()) || Peek() is '_' or '$' or '@' or '#')) return null;
        _pos++;
        while (char.IsLetterOrDigit(Peek()) || Peek() is '_' or '-') _pos++;
        return _text[start.._pos];
    }

    private bool TryOperator(string[] operators, out string op)
    {
        SkipSpace();
        foreach (var candidate in operators)
        {
            if (string.CompareOrdinal(_text, _pos, candidate, 0, candidate.Length) == 0
                && !(candidate is "<" or ">" && Peek(1) is '=' or '>')
                && !(candidate == "!" && Peek(1) == '='))
            {
                _pos += candidate.Length;
                op = candidate;
                return true;
            }
        }

        op = "";
        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c) throw Error($"expected '{c}'");
        _pos++;
    }

    private int SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
        return _pos;
    }

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private string Slice(int start, int end = -1) => _text[start..(end < 0 ? _pos : end)].Trim();

    private FormatException Error(string problem) =>
        new($"{problem} at position {_pos + 1} of expression '{_text}'");
}
