using System.Collections.Concurrent;

namespace ClosureBot.Localization;

/// <summary>
/// Finds the <see cref="CustomerLocale"/> for what a channel says of the customer (locale, time zone, local timestamp).
/// The result for a language and a zone is made once and reused, so a turn costs a dictionary lookup, not an object.
/// </summary>
public sealed class CustomerLocales(Locales locales)
{
    // Bounded: only zones the system knows, and offsets within ±14 h, are cached.
    private readonly ConcurrentDictionary<(LocaleTable, string), CustomerLocale> _byZone = new();
    private readonly ConcurrentDictionary<(LocaleTable, int), CustomerLocale> _byOffset = new();
    private readonly ConcurrentDictionary<LocaleTable, CustomerLocale> _utc = new();
    private readonly ConcurrentDictionary<(CustomerLocale, string), CustomerLocale> _byTag = new();
    private const int MaxCachedTags = 2000;

    /// <summary>The languages.</summary>
    public Locales Locales => locales;

    /// <summary>
    /// The customer's locale: language from <paramref name="locale"/> (English when missing or unknown); clock from
    /// <paramref name="timeZone"/> (an IANA name such as <c>Europe/Berlin</c>), else from <paramref name="utcOffsetMinutes"/>,
    /// else UTC. A zone the system does not know is ignored.
    /// </summary>
    public CustomerLocale Resolve(string? locale, string? timeZone, int? utcOffsetMinutes)
    {
        var table = locales.For(locale);
        if (IsZoneName(timeZone))
        {
            if (_byZone.TryGetValue((table, timeZone!), out var known)) return WithReplyLocale(known, locale);
            if (TimeZoneInfo.TryFindSystemTimeZoneById(timeZone!, out var zone))
                return WithReplyLocale(_byZone.GetOrAdd((table, timeZone!), _ => new CustomerLocale(table, table.Culture.Name, zone, null)), locale);
        }
        if (utcOffsetMinutes is { } minutes and >= -14 * 60 and <= 14 * 60)
            return WithReplyLocale(_byOffset.GetOrAdd((table, minutes), _ => new CustomerLocale(table, table.Culture.Name, null, TimeSpan.FromMinutes(minutes))), locale);
        return WithReplyLocale(_utc.GetOrAdd(table, _ => new CustomerLocale(table, table.Culture.Name, null, null)), locale);
    }

    // Replies carry the customer's own tag (es-MX) when the bot speaks its language, else the language's culture.
    private CustomerLocale WithReplyLocale(CustomerLocale shared, string? locale)
    {
        if (locale is null || !IsLanguageTag(locale) || locale == shared.ReplyLocale || !IsOf(locale, shared.Texts.Language))
            return shared;
        if (_byTag.TryGetValue((shared, locale), out var tagged)) return tagged;
        tagged = shared.WithReplyLocale(locale);
        return _byTag.Count < MaxCachedTags ? _byTag.GetOrAdd((shared, locale), tagged) : tagged;
    }

    // ja-JP falls back to English, but is not English: replies then say en-GB.
    private static bool IsOf(string locale, string language)
    {
        var span = locale.AsSpan();
        var cut = span.IndexOfAny('-', '_');
        return (cut < 0 ? span : span[..cut]).Equals(language, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsZoneName(string? id) =>
        id is { Length: > 0 and <= 64 } && id.AsSpan().IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") < 0
        && !id.Contains("..", StringComparison.Ordinal) && id[0] != '/';

    private static bool IsLanguageTag(string locale) =>
        locale.Length is >= 2 and <= 35 && locale.AsSpan().IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") < 0;
}
