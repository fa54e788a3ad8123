using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>
/// One reading written in each supported language: the English pattern applies in every language (customers mix English
/// in), then the pattern of the locale's own language. Messages longer than <see cref="IntentReader.MaxLength"/> are not read.
/// </summary>
internal sealed class LanguagePatterns(Regex english, Regex german, Regex spanish, Regex french, Regex portuguese)
{
    public bool IsMatch(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > IntentReader.MaxLength) return false;
        if (english.IsMatch(text)) return true;
        return IntentReader.Language(locale) switch
        {
            "de" => german.IsMatch(text),
            "es" => spanish.IsMatch(text),
            "fr" => french.IsMatch(text),
            "pt" => portuguese.IsMatch(text),
            _ => false,
        };
    }
}
