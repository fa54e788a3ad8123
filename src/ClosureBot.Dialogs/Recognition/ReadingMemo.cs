using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Remembers what a reading of a short text found, by the text and its locale as they arrived, so that the same few
/// answers ("yes", "done", a card button's title) are read once and then looked up. A reading runs dozens of patterns
/// over the text in the conversation's language and in English; a profile of the bot at 32 customers found the
/// interruption and answer readings at about 6 % of its CPU (thirty-second measurement).
/// </summary>
/// <remarks>
/// Only for a reading that depends on nothing but its two arguments, whose result is immutable. The memo holds at most
/// <see cref="Capacity"/> entries of texts up to <see cref="MaxTextLength"/> characters (and locales up to
/// <see cref="MaxLocaleLength"/>); when it is full it starts empty again, so a flood of distinct texts costs one
/// reading each and now and then an emptied memo, never memory. Longer texts are read every time. Thread-safe: two
/// turns that read the same new text at once both read it, and the results are equal. Each reading is counted in
/// <see cref="ReadingMemoMetrics"/> under <paramref name="reading"/>, so an operator can see how often real customers'
/// texts are found in the memo.
/// </remarks>
public sealed class ReadingMemo<T>(string reading, Func<string, string?, T> read)
{
    /// <summary>At most this many texts are remembered (about 200 bytes each).</summary>
    public const int Capacity = 1024;

    /// <summary>Longer texts are read every time: what customers repeat word for word is short.</summary>
    public const int MaxTextLength = 48;

    /// <summary>Longer locales are read every time (a BCP 47 tag with a region is 5–10 characters).</summary>
    public const int MaxLocaleLength = 16;

    private readonly KeyValuePair<string, object?> _reading = new("reading", reading);
    private ConcurrentDictionary<(string Text, string? Locale), T> _entries = new();
    private int _count;

    /// <summary>How many texts are remembered now.</summary>
    public int Size => Volatile.Read(ref _count);

    /// <summary>What the reading finds in <paramref name="text"/>: remembered, or read now.</summary>
    public T Read(string text, string? locale)
    {
        if (text.Length > MaxTextLength || locale?.Length > MaxLocaleLength)
        {
            Count(ReadingMemoMetrics.TooLong);
            return read(text, locale);
        }
        var entries = _entries;
        if (entries.TryGetValue((text, locale), out var found))
        {
            Count(ReadingMemoMetrics.Remembered);
            return found;
        }
        Count(ReadingMemoMetrics.ReadNow);
        var value = read(text, locale);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            entries = new ConcurrentDictionary<(string Text, string? Locale), T>();
            _entries = entries;
            Volatile.Write(ref _count, 1);
        }
        entries.TryAdd((text, locale), value);
        return value;
    }

    private void Count(KeyValuePair<string, object?> outcome)
    {
        if (ReadingMemoMetrics.Readings.Enabled) ReadingMemoMetrics.Readings.Add(1, _reading, outcome);
    }
}

/// <summary>
/// How often the memos of short texts answer, for <c>dotnet-counters monitor --counters ClosureBot.Understanding</c>:
/// each reading of a typed text, tagged with the reading (<c>interruption</c>, <c>answer</c>) and its memo's outcome
/// (<c>remembered</c>, <c>read</c>, or <c>too-long</c> for a text or locale the memo does not keep). The memos are
/// process-wide, and so is this meter. Nothing is counted while no listener is attached.
/// </summary>
public static class ReadingMemoMetrics
{
    public const string MeterName = "ClosureBot.Understanding";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Readings =
        Meter.CreateCounter<long>("closurebot.understanding.readings", "{reading}", "Readings of typed texts, by whether the memo of short texts had the finding");

    internal static readonly KeyValuePair<string, object?> Remembered = new("memo", "remembered");
    internal static readonly KeyValuePair<string, object?> ReadNow = new("memo", "read");
    internal static readonly KeyValuePair<string, object?> TooLong = new("memo", "too-long");
}
