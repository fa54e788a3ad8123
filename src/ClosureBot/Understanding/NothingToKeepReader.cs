using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Understanding;

/// <summary>
/// Reads an answer to step 1 (retrieve your data) that says there is nothing to copy: "I don't need any data", "nothing
/// to keep", "wir brauchen keine Daten". Its negation is no "not yet", which is how the step's prompt would read it.
/// English applies in every language, as customers mix it in.
/// </summary>
public static partial class NothingToKeepReader
{
    private const RegexOptions Options = ReaderPatterns.Options;

    private static readonly LanguagePatterns Patterns = new(English(), German(), Spanish(), French(), Portuguese());

    /// <summary>Whether <paramref name="text"/> says the customer has nothing to copy, in English or the locale's language.</summary>
    public static bool Says(string? text, string? locale) => Patterns.IsMatch(text, locale);

    private const string Keep = @"(keep|save|copy|retrieve|back\s*up|download|transfer|move)";

    [GeneratedRegex($@"\b(don'?t|do\s+not|dont)\s+(really\s+)?(need|want)\s+(to\s+{Keep}\s+)?(anything|any\s+(of\s+(the|it|that)\s+)?(data|files)|(the|our|my|this|that)\s+(data|files|backups?))\b|\b(don'?t|do\s+not|dont)\s+need\s+to\s+{Keep}\s+(anything|it|them)\b|\bnothing\s+((i|we)\s+(want|need)\s+)?(to|worth)\s+{Keep}(ing)?\b|\bno\s+(data|files)\s+(to|worth)\s+{Keep}(ing)?\b|^\s*(no\s+need|not\s+needed|nothing\s+needed|(the\s+)?data\s+(is\s+)?not\s+needed)\s*[.!]*\s*$"
        // Data that does not matter: "I don't care about the data", "nothing important on them".
        + @"|\b(don'?t|do\s+not|dont)\s+care\s+about\s+(the|our|my|any|this|that)\s+(data|files)\b|\bnothing\s+(important|of\s+(value|importance)|valuable)\b|\bno\s+(important|valuable)\s+(data|files)\b", Options)]
    private static partial Regex English();

    [GeneratedRegex(@"\b(brauche|brauchen|ben[öo]tige|ben[öo]tigen)\s+((ich|wir)\s+)?(keine\s+(daten|dateien|sicherung)|die\s+daten\s+nicht|nichts)\b|\bnichts\s+(zu\s+)?(sichern|kopieren|behalten|retten|speichern)\b|\bkeine\s+daten\s+zu\s+(sichern|kopieren|behalten)\b|^\s*(nicht\s+n[öo]tig|nicht\s+notwendig|(brauche|brauchen)\s+(ich|wir)\s+nicht)\s*[.!]*\s*$"
        + @"|\b(daten|dateien)\s+(sind|ist)\s+(mir|uns)\s+egal\b|\b(mir|uns)\s+egal\b.{0,20}\b(daten|dateien)\b|\bnichts\s+wichtiges\b|\bkeine\s+wichtigen\s+(daten|dateien)\b", Options)]
    private static partial Regex German();

    [GeneratedRegex(@"\bno\s+(necesito|necesitamos|quiero|queremos)\s+((guardar|conservar|copiar)\s+)?(nada|los\s+datos|ning[úu]n\s+dato|los\s+archivos)\b|\bnada\s+(que|para)\s+(guardar|copiar|conservar|recuperar|respaldar)\b|^\s*(no\s+hace\s+falta|no\s+es\s+necesario)\s*[.!]*\s*$"
        + @"|\bno\s+(me|nos)\s+importan?\s+(los\s+datos|los\s+archivos|nada)\b|\bnada\s+(importante|de\s+valor)\b|\bning[úu]n\s+dato\s+importante\b", Options)]
    private static partial Regex Spanish();

    [GeneratedRegex(@"\b(n'?ai|n'?avons|ne\s+veux|ne\s+voulons)\s+(besoin\s+de\s+rien|rien\s+(garder|sauvegarder|copier|r[ée]cup[ée]rer))\b|\bpas\s+besoin\s+(des\s+donn[ée]es|de\s+rien|de\s+(les\s+)?(garder|sauvegarder|copier|r[ée]cup[ée]rer))\b|\brien\s+[àa]\s+(garder|sauvegarder|copier|r[ée]cup[ée]rer|conserver)\b|^\s*(pas\s+besoin|pas\s+n[ée]cessaire)\s*[.!]*\s*$"
        + @"|\b(donn[ée]es|fichiers)\s+ne\s+(m|nous)'?\s*int[ée]ressent\s+pas\b|\b(je\s+me|on\s+se|nous\s+nous)\s+fiche?s?\s+des\s+donn[ée]es\b|\brien\s+d'?\s*(important|int[ée]ressant|pr[ée]cieux)\b|\baucune\s+donn[ée]e\s+importante\b", Options)]
    private static partial Regex French();

    [GeneratedRegex(@"(?<!\w)n[ãa]o\s+(preciso|precisamos|quero|queremos)\s+(de\s+nada|dos\s+dados|de\s+nenhum\s+dado|(salvar|guardar|copiar)\s+nada)(?!\w)|(?<!\w)nada\s+(para|pra|a)\s+(salvar|guardar|copiar|recuperar|manter)(?!\w)|^\s*(n[ãa]o\s+precisa|n[ãa]o\s+[ée]\s+necess[áa]rio)\s*[.!]*\s*$"
        + @"|(?<!\w)n[ãa]o\s+(me|nos)\s+importo?a?(mos)?\s+com\s+(os\s+)?(dados|arquivos)(?!\w)|(?<!\w)nada\s+(importante|de\s+valor)(?!\w)|(?<!\w)nenhum\s+dado\s+importante(?!\w)", Options)]
    private static partial Regex Portuguese();
}
