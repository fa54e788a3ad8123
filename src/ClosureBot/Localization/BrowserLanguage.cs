using Microsoft.Net.Http.Headers;

namespace ClosureBot.Localization;

/// <summary>
/// The language a browser asks for, read from a request's <c>Accept-Language</c>: its most preferred tag, as Web Chat
/// takes <c>navigator.language</c> (the same first tag) for the bot. The app's own pages use it to pick their table,
/// through <see cref="Locales.For"/>: <c>de-DE</c> → German, an unknown or missing language → English.
/// </summary>
public static class BrowserLanguage
{
    private const int MaxHeaderLength = 1024;

    /// <summary>The most preferred language tag of the request (highest <c>q</c>, first among equals); null when none.</summary>
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (header.Length is 0 or > MaxHeaderLength || !StringWithQualityHeaderValue.TryParseList([header], out var languages)) return null;
        string? best = null;
        var bestQuality = 0.0;
        foreach (var language in languages)
        {
            var quality = language.Quality ?? 1.0;
            if (language.Value.Value is not { Length: > 0 } tag || tag == "*" || quality <= bestQuality) continue;
            (best, bestQuality) = (tag, quality);
        }
        return best;
    }

    /// <summary>The table for the browser's language (English when it asks for none the app speaks first).</summary>
    public static LocaleTable TableOf(this Locales locales, HttpRequest request) => locales.For(Of(request));
}
