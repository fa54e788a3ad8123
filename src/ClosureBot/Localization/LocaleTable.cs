using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClosureBot.Localization;

/// <summary>
/// One language's texts, read once at start-up: the bot's messages indexed by <see cref="TextId"/> (no lookup by name on
/// a turn), the strings its cards bind, and the culture its dates are written in.
/// </summary>
public sealed class LocaleTable
{
    private readonly string[] _texts;
    private readonly CompositeFormat[] _formats;
    private readonly CompositeFormat?[] _pluralFormats;
    private readonly Func<int, bool> _isOne;

    internal LocaleTable(string language, CultureInfo culture, string[] texts, string?[] plurals, JsonObject cards,
        IReadOnlyDictionary<string, string> pages, Func<int, bool> isOne)
    {
        Language = language;
        Culture = culture;
        Cards = cards;
        Pages = pages;
        _texts = texts;
        _isOne = isOne;
        _formats = texts.Select(CompositeFormat.Parse).ToArray();
        _pluralFormats = plurals.Select(t => t is null ? null : CompositeFormat.Parse(t)).ToArray();
    }

    /// <summary>The language's two-letter code (<c>de</c>).</summary>
    public string Language { get; }

    /// <summary>The culture dates and numbers are written in (<c>de-DE</c>).</summary>
    public CultureInfo Culture { get; }

    /// <summary>The English table (this one, for English): customers mix English words into every language.</summary>
    public LocaleTable English { get; internal set; } = null!;

    /// <summary>The strings card templates bind through <c>${$root.t.group.key}</c> (see <c>Cards/CardCatalog</c>).</summary>
    internal JsonObject Cards { get; }

    /// <summary>
    /// The texts of the app's own pages (the chat page's frame, the agent console, its sign-in), keyed <c>group.key</c>
    /// (<c>chat.heading</c>) as in <c>Tables/*.pages.json</c>; <c>{0}</c> placeholders as in the bot's texts.
    /// </summary>
    public IReadOnlyDictionary<string, string> Pages { get; }

    /// <summary>The page text <paramref name="key"/> (<c>signIn.wrong</c>); the key must exist (every table has every key).</summary>
    public string Page(string key) => Pages[key];

    /// <summary>The page text <paramref name="key"/> with its <c>{0}</c> placeholder filled.</summary>
    public string Page(string key, object? arg0) => string.Format(Culture, Pages[key], arg0);

    /// <summary>The text of <paramref name="id"/>, as written (no placeholders filled).</summary>
    public string this[TextId id] => _texts[(int)id];

    /// <summary>The text of <paramref name="id"/> with its <c>{0}</c> placeholder filled.</summary>
    public string Format(TextId id, object? arg0) => string.Format(Culture, _formats[(int)id], arg0);

    /// <summary>The text of <paramref name="id"/> with its <c>{0}</c> and <c>{1}</c> placeholders filled.</summary>
    public string Format(TextId id, object? arg0, object? arg1) => string.Format(Culture, _formats[(int)id], arg0, arg1);

    /// <summary>The text of <paramref name="id"/> with its <c>{0}</c>, <c>{1}</c> and <c>{2}</c> placeholders filled.</summary>
    public string Format(TextId id, object? arg0, object? arg1, object? arg2) => string.Format(Culture, _formats[(int)id], arg0, arg1, arg2);

    /// <summary>The text of <paramref name="id"/> with its <c>{0}</c>..<c>{3}</c> placeholders filled.</summary>
    public string Format(TextId id, object? arg0, object? arg1, object? arg2, object? arg3) =>
        string.Format(Culture, _formats[(int)id], arg0, arg1, arg2, arg3);

    /// <summary>The text of <paramref name="id"/> with its <c>{0}</c>..<c>{4}</c> placeholders filled.</summary>
    public string Format(TextId id, object? arg0, object? arg1, object? arg2, object? arg3, object? arg4) =>
        string.Format(Culture, _formats[(int)id], arg0, arg1, arg2, arg3, arg4);

    /// <summary>
    /// The singular (<c>one</c>) or plural (<c>other</c>) form of <paramref name="id"/> for <paramref name="count"/>,
    /// chosen by the language's rule, with <c>{0}</c> the count.
    /// </summary>
    public string Plural(TextId id, int count) =>
        string.Format(Culture, _isOne(count) ? _formats[(int)id] : _pluralFormats[(int)id] ?? _formats[(int)id], count);

    /// <summary>A date the customer reads, in the language's long format (<c>1. Dezember 2026</c>).</summary>
    public string Date(DateOnly date) => date.ToString(this[TextId.DateFormat], Culture);
}
