using System.Globalization;
using System.Text;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Folds text to the form choices are compared in: lower case, no diacritics, no apostrophes, and every run of
/// punctuation, symbols or spaces collapsed to one space. "I'm DONE!" and "im done" both become <c>im done</c>.
/// </summary>
internal static class TextNormalizer
{
    private const int StackLimit = 256;

    /// <summary>The folded form of <paramref name="text"/>; empty when it holds no letter or digit.</summary>
    public static string Normalize(string text)
    {
        string decomposed = LatinLetters.Decompose(text);
        Span<char> buffer = decomposed.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : new char[decomposed.Length];

        int length = 0;
        bool pendingSpace = false;
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (IsWordCharacter(c, category))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (category != UnicodeCategory.NonSpacingMark && !IsApostrophe(c))
            {
                pendingSpace = true;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>Splits text already folded by <see cref="Normalize"/> into words.</summary>
    public static string[] Tokenize(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ');

    // Apostrophes join rather than split, so "don't" matches "dont" and "I'm" stays one word.
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4';

    // Spacing marks are part of the word in scripts such as Devanagari.
    private static bool IsWordCharacter(char c, UnicodeCategory category) =>
        char.IsLetterOrDigit(c) || category == UnicodeCategory.SpacingCombiningMark;
}
