using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Understanding;

/// <summary>
/// Reads a message that says a step's task does not work for the customer: "the portal won't let me delete a server",
/// "I can't log in to the server", "ich kann den Server nicht löschen", "da un error". English applies in every
/// language, as customers mix it in.
/// </summary>
public static partial class TroubleReader
{
    private const RegexOptions Options = ReaderPatterns.Options;

    private static readonly LanguagePatterns Patterns = new(English(), German(), Spanish(), French(), Portuguese());

    // "I can't delete them yet" is a "not yet", not a task that fails.
    private static readonly LanguagePatterns NotYet = new(EnglishNotYet(), GermanNotYet(), SpanishNotYet(), FrenchNotYet(), PortugueseNotYet());

    /// <summary>Whether <paramref name="text"/> reports that something stops the customer, in English or the locale's language.</summary>
    public static bool Says(string? text, string? locale) => Patterns.IsMatch(text, locale) && !NotYet.IsMatch(text, locale);

    [GeneratedRegex(@"\byet\b", Options)]
    private static partial Regex EnglishNotYet();

    [GeneratedRegex(@"\bnoch\s+nicht\b", Options)]
    private static partial Regex GermanNotYet();

    [GeneratedRegex(@"\b(todav[íi]a|a[úu]n)\b", Options)]
    private static partial Regex SpanishNotYet();

    [GeneratedRegex(@"\bpas\s+encore\b", Options)]
    private static partial Regex FrenchNotYet();

    [GeneratedRegex(@"(?<!\w)ainda(?!\w)", Options)]
    private static partial Regex PortugueseNotYet();

    private const string StepTask = @"(delete|remove|destroy|log\s*(in|on)|sign\s+in|access|get\s+into|connect(\s+to)?|reach|copy|download|back\s*up|export|stop|power\s+off|turn\s+off|shut\s+down)";

    [GeneratedRegex($@"\b(can'?t|cannot|can\s+not|couldn'?t|unable\s+to|not\s+able\s+to|(won'?t|doesn'?t|does\s+not|will\s+not)\s+let\s+(me|us)|isn'?t\s+letting\s+(me|us))\s+(\w+\s+){{0,2}}?{StepTask}\b|\b(get(ting)?|got|shows?|showing|throws?|gives?|giving)\s+(me\s+|us\s+)?(an?\s+)?error\b|\b(deletion|deleting|delete|it|the\s+(portal|api|server|delete\s+button))\s+(keeps\s+failing|fails|failed|is\s+failing|doesn'?t\s+work|isn'?t\s+working|won'?t\s+work|is\s+stuck|hangs)\b|\b(i'?m|we'?re|i\s+am|we\s+are)\s+stuck\b|\b(greyed|grayed)\s+out\b|\b(access|permission)\s+denied\b|\b(not\s+authori[sz]ed|unauthori[sz]ed|forbidden)\b|\b(no|don'?t\s+have\s+(the\s+)?)\s*permissions?\b"
        // A resource that will not go: "one server won't delete", "VA1ACMEWEB01 refuses to be deleted".
        + @"|\b(servers?|services?|vms?|machines?|balancers?|ips?|it|one|this|that|they|some|both|(one|some|two|three|a\s+few|all|most)\s+of\s+them|[\w-]*\d[\w-]*)\s+(won'?t|will\s+not|doesn'?t|does\s+not|don'?t|do\s+not|didn'?t|did\s+not|refuses?\s+to|refused\s+to|can'?t|cannot)\s+(get\s+|be\s+)?(deleted?|removed?|go\s+away|disappear)\b", Options)]
    private static partial Regex English();

    [GeneratedRegex(@"\b(kann|k[öo]nnen|konnte|konnten)\s+(ich\s+|wir\s+)?(\w+\s+){0,3}?nicht\s+(\w+\s+)?(l[öo]schen|entfernen|einloggen|anmelden|zugreifen|kopieren|herunterladen|sichern|stoppen)\b|\bl[äa]sst\s+(mich|uns)\s+(\w+\s+){0,3}?nicht\s+(l[öo]schen|entfernen)\b|(?<!\bkeine?n?\s+)\bfehler(meldung)?\b|\b(funktioniert|geht|klappt)\s+nicht\b|\bkomme\s+nicht\s+(weiter|rein)\b|\bzugriff\s+verweigert\b|\bkeine\s+berechtigung\b|\bnicht\s+berechtigt\b"
        + @"|\bl[äa]ss(t|en)\s+sich\s+(\w+\s+){0,2}?nicht\s+(l[öo]schen|entfernen)\b|\bsich\s+(\w+\s+){0,2}?nicht\s+(l[öo]schen|entfernen)\s+l[äa]ss(t|en)\b|\b(wird|werden|wurde|wurden)\s+(\w+\s+)?nicht\s+(gel[öo]scht|entfernt)\b", Options)]
    private static partial Regex German();

    [GeneratedRegex(@"\bno\s+(puedo|podemos|pude|pudimos|me\s+deja|nos\s+deja)\s+(\w+\s+){0,2}?(borrar|eliminar|entrar|acceder|conectar(me)?|copiar|descargar|detener)\b|\b(da|sale|aparece|me\s+da|muestra)\s+(un\s+)?error\b|\bno\s+funciona\b|\bestoy\s+atascad[oa]\b|\bacceso\s+denegado\b|\b(sin|no\s+tengo|no\s+tenemos)\s+permisos?\b"
        + @"|\bno\s+se\s+(deja|dejan)\s+(borrar|eliminar|quitar)\b|\bno\s+se\s+(borra|borran|elimina|eliminan)\b", Options)]
    private static partial Regex Spanish();

    [GeneratedRegex(@"\b(je\s+n'?arrive\s+pas|on\s+n'?arrive\s+pas|nous\s+n'?arrivons\s+pas|impossible|je\s+ne\s+peux\s+pas|on\s+ne\s+peut\s+pas|nous\s+ne\s+pouvons\s+pas)\s+(\w+\s+){0,2}?(à\s+|de\s+|d')?(supprimer|effacer|me\s+connecter|nous\s+connecter|acc[ée]der|copier|t[ée]l[ée]charger|arr[êe]ter)|(?<!\b(aucune|sans)\s+|\bpas\s+d')\berreur\b|\bne\s+(marche|fonctionne)\s+pas\b|\bje\s+suis\s+bloqu[ée]e?\b|\bacc[èe]s\s+refus[ée]\b|\bpas\s+(les\s+)?droits\b|\bpas\s+autoris[ée]e?s?\b"
        + @"|\bne\s+(se\s+|s')(supprim|effac)\w*\s+pas\b|\brefusen?t?\s+de\s+se\s+(supprimer|effacer)\b", Options)]
    private static partial Regex French();

    [GeneratedRegex(@"(?<!\w)n[ãa]o\s+(consigo|conseguimos|consegui|d[áa]\s+para|me\s+deixa|deixa)\s+(\w+\s+){0,2}?(excluir|apagar|deletar|remover|entrar|acessar|conectar|copiar|baixar|parar)(?!\w)|(?<!\w)(d[áa]|aparece|deu|mostra)\s+(um\s+)?erro(?!\w)|(?<!\w)n[ãa]o\s+funciona(?!\w)|(?<!\w)(estou|t[ôo])\s+travad[oa](?!\w)|(?<!\w)acesso\s+negado(?!\w)|(?<!\w)(sem|n[ãa]o\s+tenho|n[ãa]o\s+temos)\s+permiss[ãa]o(?!\w)"
        + @"|(?<!\w)n[ãa]o\s+(apaga|apagam|exclui|excluem|sai|saem)(?!\w)|(?<!\w)n[ãa]o\s+(é|e|foi|foram|s[ãa]o|est[áa]\s+sendo|est[ãa]o\s+sendo)\s+(exclu[íi]d|apagad|removid|deletad)\w*", Options)]
    private static partial Regex Portuguese();
}
