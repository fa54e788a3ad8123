namespace ClosureBot.Dialogs.Recognition;

/// <summary>Reads the language out of a BCP-47 locale such as <c>pt-BR</c> or <c>en_US</c>.</summary>
internal static class RecognitionLocale
{
    /// <summary>The language every recognizer falls back to.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>
    /// The primary language subtag of <paramref name="locale"/> (<c>pt</c> for <c>pt-BR</c>), or
    /// <see cref="DefaultLanguage"/> when the locale is missing. Returned as a span so a lookup costs no allocation.
    /// </summary>
    public static ReadOnlySpan<char> LanguageOf(string? locale)
    {
        ReadOnlySpan<char> span = locale.AsSpan().Trim();
        int cut = span.IndexOfAny('-', '_');
        if (cut >= 0)
        {
            span = span[..cut];
        }

        return span.IsEmpty ? DefaultLanguage : span;
    }
}
