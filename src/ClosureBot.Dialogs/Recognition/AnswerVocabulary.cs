using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// One language's words for the answers the yes/no definitions of <c>Microsoft.Recognizers.Definitions</c> do not
/// cover: finished, not finished, thanks and goodbyes, and the colloquial yes and no they miss. Written from the
/// training part of the corpus (tests/ClosureBot.Corpus). Interpreted, each built once with its language's vocabulary: as generated code the
/// JIT optimized the hot ones under load with several MiB of working memory each (tests/ClosureBot.LoadTest/MEASUREMENTS.md,
/// thirtieth measurement).
/// </summary>
internal sealed class AnswerVocabulary
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly FrozenDictionary<string, Lazy<AnswerVocabulary>>.AlternateLookup<ReadOnlySpan<char>> ByLanguage =
        new Dictionary<string, Lazy<AnswerVocabulary>>(StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = new(() => new(
                done: EnglishDone(),
                notDone: EnglishNotDone(),
                thanks: EnglishThanks(),
                yes: EnglishYes(),
                no: EnglishNo(),
                filler: EnglishFiller())),
            ["es"] = new(() => new(
                done: SpanishDone(),
                notDone: SpanishNotDone(),
                thanks: SpanishThanks(),
                yes: SpanishYes(),
                no: SpanishNo(),
                filler: SpanishFiller())),
            ["fr"] = new(() => new(
                done: FrenchDone(),
                notDone: FrenchNotDone(),
                thanks: FrenchThanks(),
                yes: FrenchYes(),
                no: FrenchNo(),
                filler: FrenchFiller())),
            ["de"] = new(() => new(
                done: GermanDone(),
                notDone: GermanNotDone(),
                thanks: GermanThanks(),
                yes: GermanYes(),
                no: GermanNo(),
                filler: GermanFiller())),
            ["pt"] = new(() => new(
                done: PortugueseDone(),
                notDone: PortugueseNotDone(),
                thanks: PortugueseThanks(),
                yes: PortugueseYes(),
                no: PortugueseNo(),
                filler: PortugueseFiller())),
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private AnswerVocabulary(Regex done, Regex notDone, Regex thanks, Regex yes, Regex no, Regex filler) =>
        (Done, NotDone, Thanks, Yes, No, Filler) = (done, notDone, thanks, yes, no, filler);

    public Regex Done { get; }
    public Regex NotDone { get; }
    public Regex Thanks { get; }
    public Regex Yes { get; }
    public Regex No { get; }

    /// <summary>Words that may surround thanks without making the message more than thanks ("ok, thanks a lot!").</summary>
    public Regex Filler { get; }

    /// <summary>The English vocabulary, which applies in every language (customers mix it in).</summary>
    public static AnswerVocabulary English => For("en")!;

    /// <summary>The vocabulary of <paramref name="language"/>, or null when it has none of its own.</summary>
    public static AnswerVocabulary? For(ReadOnlySpan<char> language) =>
        ByLanguage.TryGetValue(language, out Lazy<AnswerVocabulary>? vocabulary) ? vocabulary.Value : null;

    private static Regex EnglishDone() => new(@"\b(done+|finish(ed)?|complete(d)?|deleted|removed|retrieved|copied|backed\s+(\w+\s+){0,2}up|(have|got|made|took|taken|did)\s+(\w+\s+){0,2}backups?|got\s+(\w+\s+){0,3}off|moved|gone|cleared|erased|wiped|transferred|exported|downloaded|saved|safe)\b|[\u2705\u2714\u2611]", Options);

    private static Regex EnglishNotDone() => new(@"\b(not\s+yet|yet\s+to|still|wait|hold\s+on|hang\s+on|(one|a|just\s+a|a\s+few|few|a\s+couple(\s+of)?)\s+(more\s+)?(sec|second|moment|min|minute)s?|give\s+me\s+a|almost|nearly|in\s+progress|working(\s+on)?|more\s+time|not\s+quite|not\s+(done|finished|complete|ready)"
        // Something still under way, or to finish later: "waiting for the backup to finish", "done soon", "halfway done".
        + @"|waiting|(will|'ll|gonna|going\s+to)\s+(be\s+)?(finish|done|complete)\w*|(done|finish\w*|complete\w*)\s+(soon|shortly|tonight|tomorrow|later|next\s+week|in\s+(a|an|\d+)\s+\w+)"
        + @"|half(way|-way)?\s+(done|finished|through|copied|deleted)|partly|partially|ongoing|under\s*way|being\s+(copied|deleted|removed|transferred|backed\s+up)|(is|are)\s+(still\s+)?(copying|deleting|removing|transferring|backing\s+up)|(need|have)\s+to\s+\w+(\s+\w+){0,4}\s+first"
        // What is still to do: "I need to finish it", "we must complete the transfer" (not "I don't need to copy anything").
        + @"|(?<!\b(don'?t|doesn'?t|didn'?t|not|never|no)\s+)((need|needs|have|has|got)\s+to|must|gotta)\s+(still\s+|first\s+|also\s+)?(finish|complete|copy|move|migrate|transfer|back\s*up|download|export|save|delete|remove))\b", Options);

    private static Regex EnglishThanks() => new(@"\b(thanks+|thank\s+(you|u)|thx|tks|ty|cheers|bye+|good\s*bye|see\s+(you|ya)|take\s+care|(much\s+)?appreciated|appreciate\s+it|have\s+a\s+(nice|good|great|lovely)\s+(day|one|evening|night|weekend)|good\s+night|that'?s\s+all)\b", Options);

    // "start over" / "begin again" asks to go back, not to go on.
    private static Regex EnglishYes() => new(@"\b(let'?s\s+(start|begin|go|do\s+(it|this))(?!\s+(over|again|from))|go\s+for\s+it|(start|begin)(?!\s+(over|again|from))|ready|proceed|yes+|yess+|sure\s+thing|why\s+not|affirmative|roger(\s+that)?|aye|indeed|by\s+all\s+means|that'?s\s+(right|correct))\b|^\s*(go(\s+(on|ahead))?|correct|right|fine|k)\s*[.!]*\s*$", Options);

    private static Regex EnglishNo() => new(@"^\s*n\s*[.!]?\s*$|\b(none|negative|no+|nay)\b|\uD83D\uDC4E", Options);

    private static Regex EnglishFiller() => new(@"\b(ok(ay)?|great|perfect|awesome|so|very|much|a\s+lot|many|again|for\s+(the|your|all\s+the)\s+help|for\s+everything|and|all|now|that'?s\s+it|bye|mate|buddy|kindly|guys|folks|sir|friend)\b", Options);

    private static Regex SpanishDone() => new(@"\b(hecho|listo|(ya\s+)?(lo|la|los|las)\s+(hice|he\s+hecho|borr[ée]|copi[ée]|elimin[ée]|termin[ée])|terminad[oa]s?|termin[ée]|acab[ée]|completad[oa]s?|ya\s+est[áa]|borrad[oa]s?|borr[ée]|eliminad[oa]s?|elimin[ée]|copiad[oa]s?|copi[ée]|he\s+(copiado|borrado|terminado|eliminado|guardado)"
        // The data kept in the customer's words, as English has them: downloaded, saved, transferred, exported, backed up.
        + @"|descargu[ée]|descargad[oa]s?|guard[ée]|guardad[oa]s?|transfer[íi]|transferid[oa]s?|export[ée]|exportad[oa]s?|respald[ée]|respaldad[oa]s?|(hice|hicimos|he\s+hecho|hemos\s+hecho)\s+(la|una)\s+copia|(he|hemos)\s+(descargado|transferido|exportado|respaldado|guardado|copiado))\b", Options);

    private static Regex SpanishNotDone() => new(@"\b(todav[íi]a|a[úu]n|espera|un\s+momento|un\s+(minuto|segundo|momentito)|casi|falta|estoy\s+en\s+ello|sigo|dame\s+un|esperando|en\s+curso|en\s+proceso|a\s+medias|(?<!hasta\s+)pronto|esta\s+noche|se\s+est[áa]n?\s+(copiando|borrando|eliminando|transfiriendo)"
        + @"|(?<!\bno\s+)((tengo|tenemos|tiene|tienen|hay)\s+que|debo|debemos|necesito|necesitamos)\s+(terminar|acabar|copiar|mover|migrar|transferir|respaldar|descargar|exportar|guardar|borrar|eliminar))\b", Options);

    private static Regex SpanishThanks() => new(@"\b(gracias+|adi[óo]s|hasta\s+luego|hasta\s+pronto|chao|chau|nos\s+vemos|te\s+lo\s+agradezco|buenas\s+noches|buen\s+d[íi]a|que\s+tengas?\s+(un\s+)?buen\s+d[íi]a)\b", Options);

    private static Regex SpanishYes() => new(@"\b(empecemos|empezar|adelante|vamos|dale|claro|por\s+supuesto|vale|de\s+acuerdo|perfecto|correcto|exacto|afirmativo)\b|^\s*¡?\s*(bueno|sale|va|ok(ay)?,?\s+va)\s*[.!]*\s*$", Options);

    private static Regex SpanishNo() => new(@"\b(nel|no\s+lo\s+creo|creo\s+que\s+no|nop|para\s+nada|nunca|negativo|ninguno)\b", Options);

    private static Regex SpanishFiller() => new(@"\b(muchas|mil|vale|ok|por\s+(la\s+ayuda|todo)|y)\b", Options);

    private static Regex FrenchDone() => new(@"\b(fini[es]?|c'?est\s+fait|fait|termin[ée]e?s?|c'?est\s+bon|supprim[ée]e?s?|effac[ée]e?s?|sauvegard[ée]e?s?|r[ée]cup[ée]r[ée]e?s?"
        // The data kept in the customer's words, as English has them: downloaded, copied, transferred, exported. With the
        // participle's accent only: "je télécharge", "une copie", "j'exporte" are under way or a noun.
        + @"|t[ée]l[ée]chargée?s?|copiée?s?|transf[ée]rée?s?|exportée?s?|enregistrée?s?)\b", Options);

    private static Regex FrenchNotDone() => new(@"\b(pas\s+encore|attend(s|ez)?|un\s+instant|presque|encore|en\s+train|pas\s+tout\s+[àa]\s+fait|une\s+(minute|seconde)|j'?y\s+travaille|en\s+cours(?!\s+d['’]ex[ée]cution)|[àa]\s+moiti[ée]|(?<![àa]\s+)bient[ôo]t|ce\s+soir|j'?attends"
        + @"|(je\s+dois|nous\s+devons|on\s+doit|il\s+(me|nous)\s+faut|il\s+faut\s+(encore\s+)?que\s+\w+)\s+(encore\s+)?(fini|termin|copi|d[ée]plac|migr|transf[ée]r|sauvegard|t[ée]l[ée]charg|export|supprim)\w*)\b", Options);

    private static Regex FrenchThanks() => new(@"\b(merci+s?|au\s+revoir|[àa]\s+bient[ôo]t|salut|bonne\s+(journ[ée]e|soir[ée]e|nuit|fin\s+de\s+journ[ée]e|continuation)|je\s+vous\s+remercie)\b", Options);

    private static Regex FrenchYes() => new(@"\b(ouais|d'?accord|bien\s+s[ûu]r|allons-y|on\s+y\s+va|c'?est\s+parti|volontiers|vas-y|commen[çc]ons|on\s+commence|parfait|carr[ée]ment|[ée]videmment|entendu|[çc]a\s+me\s+va|exactement|affirmatif)\b", Options);

    private static Regex FrenchNo() => new(@"\b(nan|aucun|jamais|pas\s+d'?engagement|je\s+ne\s+(crois|pense)\s+pas|absolument\s+pas|pas\s+du\s+tout)\b", Options);

    private static Regex FrenchFiller() => new(@"\b(beaucoup|bien|ok|mille|pour\s+(l'?aide|tout)|et)\b", Options);

    private static Regex GermanDone() => new(@"\b(erledigt|fertig|gemacht|gel[öo]scht|entfernt|gesichert|kopiert|abgeschlossen|alles\s+weg"
        // The data kept in the customer's words: downloaded, saved, exported; "übertragen" only as a participle after
        // "haben" or "sein", since it is also the infinitive ("ich muss die Daten noch übertragen").
        + @"|heruntergeladen|runtergeladen|gespeichert|exportiert|(habe|haben|hab|ist|sind)\s+(\w+\s+){0,3}[üu]bertragen)\b", Options);

    private static Regex GermanNotDone() => new(@"\b(noch\s+nicht|moment|warte|fast|noch\s+dabei|eine\s+minute|fehlt\s+noch|(arbeite|kopiere|l[öo]sche|sichere|mache|bin)\s+(noch|gerade)(\s+dabei)?|l[äa]uft\s+noch|(gleich|bald|halb)\s+fertig|in\s+arbeit|(wird|werden)\s+(noch\s+|gerade\s+)?(kopiert|gel[öo]scht|gesichert|entfernt)|warte\s+(noch\s+)?auf"
        + @"|(muss|musst|m[üu]ssen|sollte|sollten)\s+((?!(nichts|nicht|kein\w*)\b)\w+\s+){0,4}(fertig\s*machen|abschlie[ßs]en|beenden|kopieren|sichern|[üu]bertragen|migrieren|herunterladen|exportieren|l[öo]schen|entfernen))\b", Options);

    private static Regex GermanThanks() => new(@"\b(danke(sch[öo]n)?|dank|tsch[üu]ss|bis\s+bald|ciao|sch[öo]ne[ns]?\s+(tag|abend|feierabend|wochenende)|gute\s+nacht|auf\s+wiedersehen)\b", Options);

    private static Regex GermanYes() => new(@"\b(jo|klar|okay|los\s+geht'?s|fangen\s+wir\s+an|gerne?|machen\s+wir|sicher|jawohl|einverstanden|passt(\s+so)?|in\s+ordnung|genau|nat[üu]rlich|definitiv|auf\s+jeden\s+fall|klingt\s+gut|mach\s+(das|es))\b|^\s*(gut|los)\s*[.!]*\s*$", Options);

    private static Regex GermanNo() => new(@"\b(nee|n[öo]|keine?|niemals|glaube\s+nicht|[üu]berhaupt\s+nicht|auf\s+keinen\s+fall)\b", Options);

    private static Regex GermanFiller() => new(@"\b(vielen|sch[öo]n|ok|f[üu]r\s+(die\s+hilfe|alles)|und|dir|noch)\b", Options);

    private static Regex PortugueseDone() => new(@"(?<!\w)(feito|pronto|terminei|conclu[íi]do|finalizado|apaguei|apagad[oa]s?|copiei|j[áa]\s+fiz|j[áa]\s+terminei"
        // The data kept in the customer's words, as English has them: downloaded, saved, transferred, exported, backed up.
        + @"|baixei|baixad[oa]s?|salvei|salvamos|transferi|transferimos|transferid[oa]s?|exportei|exportad[oa]s?|copiad[oa]s?|fiz\s+(o\s+|um\s+)?backup|fizemos\s+(o\s+|um\s+)?backup)(?!\w)", Options);

    private static Regex PortugueseNotDone() => new(@"(?<!\w)(ainda|espera|um\s+momento|(s[óo]\s+)?um\s+(minuto|segundo|instante|minutinho)|quase|estou\s+fazendo|me\s+d[áa]\s+um|n[ãa]o\s+acabei|falta|esperando|aguardando|em\s+andamento|em\s+progresso|pela\s+metade|daqui\s+a\s+pouco|logo\s+mais|(est[áa]|estou|estamos)\s+(copiando|apagando|excluindo|transferindo)"
        + @"|(?<!\bn[ãa]o\s+)((tenho|temos|tem|t[êe]m)\s+(que|de)|preciso|precisamos|devo|devemos)\s+(terminar|acabar|copiar|mover|migrar|transferir|baixar|exportar|salvar|apagar|excluir))(?!\w)", Options);

    private static Regex PortugueseThanks() => new(@"(?<!\w)(obrigad[oa]|obrigad[ãa]o|obrigadinh[oa]|valeu|tchau|at[ée]\s+(logo|mais)|adeus|agrade[çc]o|falou)(?!\w)", Options);

    private static Regex PortugueseYes() => new(@"(?<!\w)(claro(?!\s+que\s+n[ãa]o)|pode\s+ser|t[áa]\s+bom|vamos\s+l[áa]|pode\s+come[çc]ar|com\s+certeza|beleza|bora|vamos\s+come[çc]ar|perfeito|pode\s+(seguir|continuar|ir)|pode\s+mandar|exato|exatamente)(?!\w)|^\s*(pode|fechado|demorou|((t[áa]|est[áa])\s+)?certo)\s*[.!]*\s*$", Options);

    private static Regex PortugueseNo() => new(@"(?<!\w)(claro\s+que\s+n[ãa]o|n[ãa]o|nunca|nenhum|nada\s+disso|negativo|de\s+jeito\s+nenhum|nem\s+pensar)(?!\w)", Options);

    private static Regex PortugueseFiller() => new(@"(?<!\w)(muito|ok|pela\s+ajuda|por\s+tudo|e)(?!\w)", Options);
}
