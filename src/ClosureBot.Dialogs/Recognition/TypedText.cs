using System.Text;
using System.Text.RegularExpressions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// What customers type, put in the form the readers' vocabularies are written in. Phones send decomposed accents and
/// curly apostrophes; the vocabularies spell them precomposed and straight ("d'accord", "já").
/// </summary>
public static partial class TypedText
{
    /// <summary>Accents composed (<see cref="LatinLetters.Compose"/>) and typographic apostrophes straight.</summary>
    public static string Plain(string text) =>
        Ascii.IsValid(text) ? text : LatinLetters.Compose(text).Replace('\u2019', '\'').Replace('\u2018', '\'');

    /// <summary><see cref="Plain"/>, with a letter typed three times or more written once ("nooo", "laterrr").</summary>
    public static string Unstretched(string text) => Elongation().Replace(Plain(text), "$1");

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Elongation();
}
