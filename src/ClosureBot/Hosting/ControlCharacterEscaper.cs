using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace ClosureBot.Hosting;

/// <summary>
/// Escapes control characters (<c>\n</c>, <c>\r</c>, <c>\u001b</c>…) in every string property of a log event, nested
/// ones included, so nothing a client sent (an activity id, a conversation id, a name) can start a new log line or
/// colour the console: a forged "Closure request … logged" line shows up as <c>\n</c> inside the real one.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Escape(value) is { } escaped) (changed ??= []).Add(new LogEventProperty(name, escaped));
        }
        if (changed is null) return;
        foreach (var property in changed) logEvent.AddOrUpdateProperty(property);
    }

    // The escaped value, or null when nothing needed escaping (the common case allocates nothing).
    private static LogEventPropertyValue? Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } when NeedsEscaping(s) => new ScalarValue(EscapeText(s)),
        SequenceValue seq when seq.Elements.Any(e => Escape(e) is not null) => new SequenceValue(seq.Elements.Select(e => Escape(e) ?? e)),
        StructureValue st when st.Properties.Any(p => Escape(p.Value) is not null) =>
            new StructureValue(st.Properties.Select(p => Escape(p.Value) is { } e ? new LogEventProperty(p.Name, e) : p), st.TypeTag),
        DictionaryValue dict when dict.Elements.Any(e => Escape(e.Value) is not null) =>
            new DictionaryValue(dict.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Escape(e.Value) ?? e.Value))),
        _ => null,
    };

    private static bool NeedsEscaping(string s)
    {
        foreach (var c in s)
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') return true;
        return false;
    }

    private static string EscapeText(string s)
    {
        var builder = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
