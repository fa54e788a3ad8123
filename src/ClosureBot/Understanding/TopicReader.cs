using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Understanding;

/// <summary>
/// Finds what a question is about: each topic has the words that name it (English, Spanish, French, German,
/// Portuguese); the topic with the most of them wins, and on a tie the topics of the step the customer stands at.
/// </summary>
public static partial class TopicReader
{
    private const RegexOptions Options = ReaderPatterns.Options;
    private const int MaxLength = 200;

    private static readonly (KnowledgeTopic Topic, Regex[] Words)[] Topics =
    [
        // Before the term commitment, whose hints name the sales representative too.
        (KnowledgeTopic.SalesContact, [SalesContactNames(), SalesContactHints()]),
        (KnowledgeTopic.TermCommitment, [TermCommitmentNames(), TermCommitmentHints()]),
        (KnowledgeTopic.ServiceTask, [ServiceTaskNames(), ServiceTaskHints()]),
        // Before the servers and services it deletes: "how do I delete a server?" asks how, not what a server is.
        (KnowledgeTopic.DeleteResources, [DeleteResourcesNames(), DeleteResourcesHints()]),
        (KnowledgeTopic.Servers, [ServersNames(), ServersHints()]),
        (KnowledgeTopic.Services, [ServicesNames(), ServicesHints()]),
        (KnowledgeTopic.StillBilled, [StillBilledNames(), StillBilledHints()]),
        (KnowledgeTopic.FinalInvoice, [FinalInvoiceNames(), FinalInvoiceHints()]),
        (KnowledgeTopic.Alias, [AliasNames(), AliasHints()]),
        (KnowledgeTopic.RequestToClose, [RequestToCloseNames(), RequestToCloseHints()]),
        // Before the duration ("how long do you keep my data?") and the copying of data ("will my backups be deleted?").
        (KnowledgeTopic.DataAfterClosing, [DataAfterClosingNames(), DataAfterClosingHints()]),
        (KnowledgeTopic.DataRecovery, [DataRecoveryNames(), DataRecoveryHints()]),
        (KnowledgeTopic.Duration, [DurationNames(), DurationHints()]),
        (KnowledgeTopic.RetrieveData, [RetrieveDataNames(), RetrieveDataHints()]),
        (KnowledgeTopic.Reference, [ReferenceNames(), ReferenceHints()]),
        (KnowledgeTopic.AboutTheBot, [AboutTheBotNames(), AboutTheBotHints()]),
        (KnowledgeTopic.Steps, [StepsNames(), StepsHints()]),
        // Last, so a tie with a topic that has a price of its own (a Service Task, the final invoice, what is still
        // billed) goes to that topic: "what does a service task cost?" is about the Service Task.
        (KnowledgeTopic.ClosingCost, [ClosingCostNames(), ClosingCostHints()]),
    ];

    /// <summary>Runs every topic's patterns over <paramref name="samples"/>, so none is first run on a customer's turn.</summary>
    public static void Warm(IEnumerable<string> samples)
    {
        foreach (var sample in samples)
        {
            foreach (var (_, words) in Topics)
                foreach (var regex in words) regex.IsMatch(sample);
            AboutWhatWasSaid().IsMatch(sample);
            AboutTheAccount().IsMatch(sample);
        }
    }

    /// <summary>The topic of <paramref name="question"/>, or null when it names none; <paramref name="preferred"/> settles ties.</summary>
    public static KnowledgeTopic? Read(string? question, IReadOnlyList<KnowledgeTopic> preferred)
    {
        if (string.IsNullOrWhiteSpace(question) || question.Length > MaxLength) return null;
        KnowledgeTopic? best = null;
        var (bestScore, bestWords, bestRank) = (0.0, 0.0, -1);
        foreach (var (topic, words) in Topics)
        {
            // The naming words count fully, the words that only hint at the topic half.
            var wordScore = (words[0].IsMatch(question) ? 1.0 : 0) + (words[1].IsMatch(question) ? 0.5 : 0);
            if (wordScore == 0) continue;
            var rank = RankOf(topic, preferred);
            var score = wordScore + (rank < 0 ? 0 : 0.25 - rank * 0.01);
            if (score > bestScore) (best, bestScore, bestWords, bestRank) = (topic, score, wordScore, rank);
        }
        // A word that only hints at a topic is enough when the topic is one of the two the step's question is about
        // (at step 2, deleting the servers and the servers themselves).
        return bestWords >= 1 || bestRank is 0 or 1 ? best : null;
    }

    private static int RankOf(KnowledgeTopic topic, IReadOnlyList<KnowledgeTopic> preferred)
    {
        for (var i = 0; i < preferred.Count; i++)
            if (preferred[i] == topic) return i;
        return -1;
    }

    /// <summary>
    /// Whether <paramref name="question"/> asks about what the bot just said without naming it ("what's that?", "what
    /// does that mean?", "was ist das?"): it is then about the subject of the question on screen.
    /// </summary>
    public static bool IsAboutWhatWasSaid(string? question) =>
        !string.IsNullOrWhiteSpace(question) && question.Length <= MaxLength && AboutWhatWasSaid().IsMatch(question);


    [GeneratedRegex(@"sales\s*(rep(resentative)?s?|team|person|contact|department|people)|account\s+(manager|executive)|who\s+(is|'s)\s+my\s+rep\b"
        + @"|(representante|equipo|departamento|contacto)\s+(de\s+)?ventas|repr[ée]sentant\s+commercial|[ée]quipe\s+commerciale|service\s+commercial|contact\s+commercial"
        + @"|vertriebs?(ansprechpartner|mitarbeiter|team|kontakt|abteilung)?\b|(representante|equipe|time|contato)\s+(de\s+)?vendas", Options)]
    private static partial Regex SalesContactNames();

    // "How do I contact them?": only where the sales representative was just named.
    [GeneratedRegex(@"contact|reach|call|phone|e-?mail|get\s+in\s+touch|contactar|llamar|contacter|joindre|appeler|kontakt|erreichen|anrufen|contatar|ligar|falar\s+com", Options)]
    private static partial Regex SalesContactHints();

    [GeneratedRegex(@"commitment|compromiso|compromisso|engagement|verpflichtung|laufzeit|bindung", Options)]
    private static partial Regex TermCommitmentNames();

    // "How do I check?" where the question is whether there is one.
    [GeneratedRegex(@"\bterm\b|contract|contrato|contrat|vertrag|terminate\s+service\s+order|sales\s+rep"
        + @"|how\s+(do|can|would|could)\s+(i|we)\s+(check|find\s+out|know|tell|see)\b|where\s+(do|can|could)\s+(i|we)\s+(check|find\s+out|see|look)\b|\b(check|find\s+out|know|tell|see)\s+(if|whether)\s+(i|we)\s+(have|had)"
        + @"|wie\s+(kann|finde)\s+ich\s+(das\s+)?(pr[üu]fen|herausfinden|sehen|nachsehen)|wo\s+(kann|sehe|finde)\s+ich\s+(das|nach)|c[óo]mo\s+(lo\s+)?(compruebo|verifico|s[ée]|puedo\s+(saberlo|comprobarlo|verificarlo))|d[óo]nde\s+(lo\s+)?(veo|compruebo|miro)"
        + @"|comment\s+(le\s+)?(savoir|v[ée]rifier|je\s+(le\s+)?(sais|v[ée]rifie))|o[ùu]\s+(le\s+)?(voir|v[ée]rifier|trouver)|como\s+(eu\s+)?(sei|verifico|confiro|posso\s+(saber|verificar))|onde\s+(eu\s+)?(vejo|verifico|confiro)", Options)]
    private static partial Regex TermCommitmentHints();

    [GeneratedRegex(@"service[\s-]?task|tarea\s+de\s+servicio|t[âa]che\s+de\s+service|tarefa\s+de\s+servi[çc]o", Options)]
    private static partial Regex ServiceTaskNames();

    [GeneratedRegex(@"extract|extraer|extraire|extrair|do\s+it\s+for\s+me", Options)]
    private static partial Regex ServiceTaskHints();

    // The start of a pattern whose words count only in a message that does not name the account (whose deletion is the
    // closure itself); the pattern closes the group it opens.
    private const string NotAboutTheAccount = @"^(?![\s\S]*\b(accounts?|acct|konto|kontos|cuentas?|comptes?|contas?)\b)[\s\S]*?(";

    // How to delete, where (the Control Portal, the API), or whether the bot can do it; never about the account, whose
    // deletion is the closure itself ("how do I delete my account?" starts it).
    [GeneratedRegex(NotAboutTheAccount
        + @"how\s+(do|can|should|would|could)\s+(i|we|you|one)\s+(actually\s+)?(delete|remove|get\s+rid\s+of|destroy|decommission|clean\s+up)|how\s+to\s+(delete|remove|get\s+rid\s+of|destroy|clean\s+up)|where\s+(do|can)\s+(i|we)\s+(delete|remove)|(can|could|will|would)\s+(you|u|ya)\s+(please\s+)?(delete|remove|get\s+rid\s+of|clean\s+up)|control\s+portal|\bportal\b|\bapi\b"
        + @"|wie\s+(l[öo]sche|entferne)\s+ich|wie\s+(kann|muss|soll)\s+ich\b[^?]{0,40}(l[öo]schen|entfernen)|(k[öo]nn(t|en)|w[üu]rden)\s+(ihr|sie|du)\b[^?]{0,40}(l[öo]schen|entfernen)"
        + @"|c[óo]mo\s+(se\s+)?(borr[oa]|elimin[oa]|quit[oa]|puedo\s+(borrar|eliminar|quitar)|(hay\s+que|debo|tengo\s+que)\s+(borrar|eliminar))|(pueden|puede|podr[íi]an?)\s+(ustedes\s+)?(borrar|eliminar|quitar)"
        + @"|comment\s+(supprimer|effacer|je\s+supprime|on\s+supprime|puis-je\s+supprimer|supprime-t-on)|(pouvez-vous|vous\s+pouvez)\s+((les|le|la)\s+)?(supprimer|effacer)"
        + @"|como\s+(eu\s+)?(excluo|apago|deleto|removo|excluir|apagar|deletar|remover|posso\s+(excluir|apagar|deletar|remover))|(voc[êe]s?|podem|pode)\s+[^?]{0,20}(excluir|apagar|deletar|remover)"
        // Whether the customer deletes it all themselves: "do I have to delete everything myself?", "muss ich alles selbst löschen?".
        + @"|\b(delete|remove|l[öo]schen|entfernen|borrar|eliminar|supprimer|effacer|excluir|apagar|deletar|remover)\b[^?]{0,30}\b(myself|ourselves|on\s+(my|our)\s+own|yo\s+mismo|nosotros\s+mismos|moi-m[êe]me|nous-m[êe]mes|eu\s+mesmo|n[óo]s\s+mesmos)\b|\b(selbst|selber)\s+(\w+\s+)?(l[öo]schen|entfernen)\b"
        + @")", Options)]
    private static partial Regex DeleteResourcesNames();

    // "Can you do it for me?" at the deleting steps, and the deleting verbs themselves; never about the account either.
    [GeneratedRegex(NotAboutTheAccount
        + @"\bfor\s+(me|us)\b|f[üu]r\s+(mich|uns)\b|por\s+(m[íi]|nosotros|n[óo]s)\b|pour\s+(moi|nous)\b|por\s+mim\b"
        + @"|\b(delete|remove|l[öo]schen|entfernen|borrar|eliminar|supprimer|excluir|apagar)\b"
        + @")", Options)]
    private static partial Regex DeleteResourcesHints();

    // A server's state names the servers: "do I need to delete the archived ones too?" is about which servers count.
    [GeneratedRegex(@"\bservers?\b|servidor(es)?|serveurs?|\bserver\b|virtual\s+machines?|\bvms?\b|bare\s+metal"
        + @"|\b(archived|paused|stopped|powered[\s-]off)\s+(ones|servers?|vms?)\b|\barchived\b|archivierte[nm]?\b|archivad[oa]s\b|archiv[ée]e?s\b|arquivad[oa]s\b", Options)]
    private static partial Regex ServersNames();

    [GeneratedRegex(@"stopped|archived|paused|running", Options)]
    private static partial Regex ServersHints();

    [GeneratedRegex(@"\bservices?\b|servicios|dienste|servi[çc]os|load[\s-]*balanc|balanceador|r[ée]partiteur|[ée]quilibreur|\bips?\s+p[úu]blic|adresses?\s+ip|direcci[óo]n(es)?\s+ip|endere[çc]os?\s+ip|public\s+ips?\b|ip\s+address|[öo]ffentliche\s+ip|\bvpns?\b|site[\s-]to[\s-]site|object[\s-]storage|appfog|virtual\s+networks?|virtuelle[sn]?\s+netzwerk|redes?\s+virtua|r[ée]seaux?\s+virtuels?", Options)]
    private static partial Regex ServicesNames();

    [GeneratedRegex(@"networks?|ip\s+address(es)?|public\s+ips?|vpns?|load\s+balancers?|buckets?|object\s+storage|appfog", Options)]
    private static partial Regex ServicesHints();

    // Not the French "de charge" of a load balancer ("équilibreur de charge").
    [GeneratedRegex(@"(?<!\bde\s)charg(e|ed|es|ing)|still\s+(be(ing)?\s+)?(bill(ed)?|pay(ing)?)|billed|cost(s|ing)?\s+(me\s+)?money|cobr|factur[ée]|zahle|kosten|pay(ing)?\b", Options)]
    private static partial Regex StillBilledNames();

    [GeneratedRegex(@"\bstill\b|todav[íi]a|encore|noch|ainda", Options)]
    private static partial Regex StillBilledHints();

    [GeneratedRegex(@"invoice|factura|facture|rechnung|fatura|(last|final|closing)\s+bill", Options)]
    private static partial Regex FinalInvoiceNames();

    [GeneratedRegex(@"(last|final|closing)\s+one|[úu]ltima|derni[èe]re|finale?|letzte|schluss|how\s+much", Options)]
    private static partial Regex FinalInvoiceHints();

    [GeneratedRegex(@"alias|account\s+(name|id|code|number)", Options)]
    private static partial Regex AliasNames();

    // Where it is, and what to type where it is asked for ("what exactly do I type?" at step 4's typed confirmation).
    [GeneratedRegex(@"find|where|d[óo]nde|\bo[ùu]\b|\bwo\b|\bonde\b|which\s+account"
        + @"|\b(type|enter|write|put\s+in)\b|escrib|teclear|introduc|\btaper\b|saisir|[ée]crire|eingeb|\btipp(e|en)?\b|gebe\s+ich\s+(\w+\s+)?ein\b|schreiben|digit|escrever", Options)]
    private static partial Regex AliasHints();

    [GeneratedRegex(@"undo(ne)?|revers|click(ing)?\s+(on\s+)?(the\s+)?request\b|take\s+(it\s+)?back|request\s+to\s+close|close\s+request|closure\s+request|solicitar\s+el\s+cierre|demande\s+de\s+fermeture|schlie[ßs]ungsanfrage|pedido\s+de\s+encerramento"
        // Whether it is for good: the request cannot be undone.
        + @"|\bpermanent(ly)?\b|irreversib|irr[ée]versi|for\s+good|endg[üu]ltig|unwiderruflich|d[ée]finiti(f|ve|vo|va|vement|vamente)\b|permanente"
        // Whether a sent request can be withdrawn or undone, in everyday words: it cannot.
        + @"|\brevert|\bway\s+back\b|r[üu]ckg[äa]ngig|deshacer|revertir|\br[ée]versib|revenir\s+en\s+arri[èe]re|desfazer|reverter|voltar\s+atr[áa]s"
        + @"|\b(withdraw|retract|revoke|cancel+)\w*\s+(the|my|our|a|this|that)\s+((closure|close|closing)\s+)?request|\b(anular|cancelar|retirar)\s+(la|mi)\s+solicitud|\b(annuler|retirer)\s+(la|ma)\s+demande|(antrag|anfrage)\s+(zur[üu]ckziehen|stornieren|widerrufen)|\b(cancelar|retirar|desfazer)\s+(o|meu|a|minha)\s+(pedido|solicita[çc][ãa]o)"
        // What follows the request: "what happens once I've sent the request?", "¿qué pasa después de enviar la solicitud?".
        + @"|what\s+(exactly\s+)?(happens|will\s+happen|comes)\s+(next\s+)?(after|once|when)\s+(i|we)('ve|\s+have)?\s+(\w+\s+)?(request|send|sent|submit|made|make|click)\w*|\b(after|once)\s+(the|my|our|a)\s+((closure|close|closing)\s+)?request\b|\bafter\s+(requesting|submitting|sending)\b"
        + @"|(despu[ée]s|luego)\s+de(l)?\s+((enviar|hacer|mandar|presentar)\s+)?((la|mi|nuestra)\s+)?(solicitud|petici[óo]n)|despu[ée]s\s+de\s+solicitar"
        + @"|apr[èe]s\s+((avoir\s+(fait|envoy[ée])\s+)?(la|ma|notre)\s+)demande|apr[èe]s\s+avoir\s+demand[ée]"
        + @"|\bnach\s+(dem|der|meinem|meiner|unserem|unserer)\s+(antrag|anfrage|schlie[ßs]ungs(antrag|anfrage))|nach\s+dem\s+beantragen"
        + @"|(depois\s+(d[oa]|de\s+(enviar|fazer)\s+[oa]|do\s+meu|da\s+minha)|ap[óo]s\s+([oa]|o\s+meu|a\s+minha|(enviar|fazer)\s+[oa]))\s+(pedido|solicita[çc][ãa]o)|(depois\s+de|ap[óo]s)\s+solicitar"
        // Who verifies it, and whether it is verified: the team that then closes the account (the article's "verification
        // of that user"). Named with the request, so "how do I check?" stays the term commitment's question.
        + @"|\bwho\s+(verifies|checks|approves|reviews|processes|handles|confirms|looks\s+at)\s+(the|my|our)\s+((closure|close)\s+)?(request|closure|cancellation)\b|\b(verify|check|review|approve|process|look\s+at)\s+(the|my|our)\s+((closure|close)\s+)?request\b|\b(request|closure)\s+((is|gets|get|being|been)\s+)?(verified|checked|approved|reviewed|processed)\b|\b(verification|approval|review)\s+of\s+(the|my|our)\s+((closure|close)\s+)?request"
        + @"|\bqui[ée]n(es)?\s+(verifica|revisa|comprueba|aprueba|valida|procesa|tramita)|(solicitud|petici[óo]n)\s+(se\s+)?(verifica|revisa|aprueba|valida|comprueba)|verificaci[óo]n\s+de\s+(la|mi)\s+(solicitud|petici[óo]n)"
        + @"|\bqui\s+(v[ée]rifie|valide|approuve|traite|examine|contr[ôo]le)|demande\s+(est|sera)(-t-elle)?\s+(v[ée]rifi|valid|approuv|trait|examin)|v[ée]rification\s+de\s+(la|ma)\s+demande"
        + @"|\bwer\s+(pr[üu]ft|verifiziert|genehmigt|bearbeitet|best[äa]tigt|kontrolliert)|(antrag|anfrage)\s+(wird\s+)?(\w+\s+)?(gepr[üu]ft|verifiziert|genehmigt|bearbeitet)\b|(pr[üu]fung|verifizierung)\s+(des|der|meines|meiner)\s+(antrags|anfrage)"
        + @"|(?<!\w)quem\s+(verifica|revisa|aprova|valida|analisa|processa|confere)|(pedido|solicita[çc][ãa]o)\s+([ée]\s+|ser[áa]\s+|vai\s+ser\s+)?(verificad|aprovad|analisad|validad|revisad)|verifica[çc][ãa]o\s+d[oa]\s+(pedido|solicita[çc][ãa]o)", Options)]
    private static partial Regex RequestToCloseNames();

    // "Is this final?" where the request is made ("final" alone also names the last invoice).
    [GeneratedRegex(@"what\s+(exactly\s+)?happens\s+(after|when|next|if|once)|confirm|\bfinal\b", Options)]
    private static partial Regex RequestToCloseHints();

    // What becomes of the data, the servers and everything on the account once it is closed: whether it is deleted or
    // kept, and for how long. Not how securely it is deleted or where it is stored, which the article does not say (such a
    // question is admitted unanswered and offered support), nor "can you delete it for me?", which asks the bot to delete.
    [GeneratedRegex(@"^(?![\s\S]*\b(securely|safely|secure|sicher|seguro|segura|seguramente|s[ée]curis\w*|s[ée]curit[ée]|seguran[çc]a|where|wo|d[óo]nde|o[ùu]|onde)\b)(?![\s\S]*\bfor\s+(me|us)\b)[\s\S]*?("
        + @"what\s+(happens|will\s+happen|would\s+happen|becomes\s+of)\s+((to|with)\s+)?(my|our|the|all)?\s*(\w+\s+)?(data|files|servers?|stuff|vms?|backups?|everything|information|info)\b"
        + @"|what\s+(happens|will\s+happen)\s+(after|once|when)\s+(i|we|the\s+account\s+is|my\s+account\s+is|it\s+is|it's)\s+(clos|delet|terminat)"
        + @"|\b(will|does|do|is|are|would|gets?)\s+(\w+\s+){0,2}(data|files|servers?|stuff|everything|information|backups?)\s+(\w+\s+){0,2}((deleted|erased|wiped|destroyed|removed|purged)|(kept|retained|stored)\s+(\w+\s+){0,3}(after|once|when|following|clos\w*))"
        + @"|\b(do|will|does|would)\s+(you|they|ctl|centurylink|lumen)\s+(\w+\s+)?(delete|erase|wipe|destroy|remove|keep|retain|purge)\s+(my|our|the|all)?\s*(\w+\s+)?(data|files|stuff|everything|information|backups?)\b|data\s+retention|retention\s+(period|policy)"
        + @"|qu[ée]\s+(pasa|pasar[áa]|sucede|suceder[áa])\s+con\s+(mis|los|nuestros|el|mi|todo)\s*(datos|archivos|servidores|informaci[óo]n)?"
        + @"|(borrar[áa]n|eliminar[áa]n|borran|eliminan|guardan|conservan|guardar[áa]n|conservar[áa]n)\s+(\w+\s+)?(mis|los|nuestros)\s+(datos|archivos|servidores)|(mis|los|nuestros)\s+(datos|archivos|servidores)\s+(se\s+)?(borrar[áa]n|eliminar[áa]n|borran|eliminan|guardan|conservan)"
        + @"|que\s+(deviennent|devient|vont\s+devenir|va\s+devenir)\s+(mes|nos|les|mon|ma|tout)|que\s+se\s+passe[-\s]t[-\s]il\s+(avec|pour)\s+(mes|nos|les)\s+(donn[ée]es|fichiers|serveurs)"
        + @"|(mes|nos|les)\s+(donn[ée]es|fichiers|serveurs)\s+(seront|sont|vont\s+[êe]tre)([-\s](elles|ils))?\s+(supprim|effac|d[ée]truit|conserv|gard)|(conservez|gardez|stockez|supprimez|effacez)[-\s]vous\s+(mes|nos|les)\s+(donn[ée]es|fichiers)"
        + @"|was\s+(passiert|geschieht|wird)\s+(mit|aus)\s+(meinen|unseren|den|meiner|unserer|der|allem)\s*(daten|dateien|servern|informationen)?"
        + @"|(werden|wird)\s+(meine|unsere|die|alle)\s+(daten|dateien|server)\s+(\w+\s+){0,2}(gel[öo]scht|aufbewahrt|gespeichert|vernichtet|entfernt)|(l[öo]scht|bewahrt|speichert|l[öo]schen|bewahren|speichern)\s+(ihr|sie)\s+(meine|unsere|die)\s+(daten|dateien)"
        + @"|o\s+que\s+(acontece|vai\s+acontecer|acontecer[áa])\s+(com|aos|[àa]s)\s+(os\s+|as\s+)?(meus|nossos|minhas|os|tudo)"
        + @"|(meus|nossos|os)\s+(dados|arquivos|servidores)\s+(ser[ãa]o|s[ãa]o|v[ãa]o\s+ser)\s+(apagad|exclu[íi]d|deletad|removid|guardad|mantid|armazenad)|(guardam|mant[êe]m|armazenam|apagam|excluem)\s+(os\s+)?(meus|nossos)\s+(dados|arquivos)"
        + @")", Options)]
    private static partial Regex DataAfterClosingNames();

    [GeneratedRegex(@"\bclos|after|once|despu[ée]s|cierr|apr[èe]s|ferm|danach|schlie[ßs]|k[üu]ndig|depois|encerr", Options)]
    private static partial Regex DataAfterClosingHints();

    // Whether a bot or a person answers: "are you a real person?", "am I talking to a bot?", "bist du ein Mensch?". Not
    // "can I talk to a real person?", which asks for one.
    [GeneratedRegex(@"\b(are|r)\s+(you|u)\s+(a\s+|an\s+)?(real(\s+person)?|human|person|bot|robot|machine|ai|computer|chat\s*bot|automated|live\s+person)\b"
        + @"|\bis\s+(this|that|it)\s+(a\s+|an\s+)?(real\s+)?(bot|robot|human|person|machine|ai|chat\s*bot|automated|live)\b"
        + @"|\bam\s+i\s+(talking|speaking|chatting)\s+(to|with)\s+(a\s+|an\s+)?(real\s+)?(bot|robot|human|person|machine|ai|computer|chat\s*bot|someone\s+real)\b"
        + @"|\b(bist\s+du|sind\s+sie)\s+(ein\s+)?(echter\s+)?(bot|roboter|mensch|chatbot|echt)\b|\bist\s+das\s+(ein\s+)?(echter\s+)?(bot|roboter|mensch|chatbot)\b|\b(spreche|schreibe)\s+ich\s+mit\s+(einem\s+)?(echten\s+)?(bot|roboter|menschen|chatbot)\b"
        + @"|\b(eres|es\s+usted)\s+(una?\s+)?(bot|robot|humano|persona(\s+real)?|chatbot|real)\b|\b(hablo|estoy\s+hablando|escribo)\s+con\s+(una?\s+)?(bot|robot|humano|persona(\s+real)?|chatbot)\b|\bes\s+(esto\s+)?un\s+(bot|robot|chatbot)\b"
        + @"|\b(es[-\s]tu|[êe]tes[-\s]vous|vous\s+[êe]tes|tu\s+es)\s+(une?\s+)?(vraie?\s+)?(bot|robot|humain|chatbot|personne)\b|\b(je\s+parle|est[-\s]ce\s+que\s+je\s+parle)\s+[àa]\s+(une?\s+)?(vraie?\s+)?(bot|robot|humain|chatbot|personne)\b|\bc'est\s+un\s+(bot|robot|chatbot)\b"
        + @"|\b(voc[êe]\s+[ée]|tu\s+[ée]s)\s+(uma?\s+)?(bot|rob[ôo]|humano|chatbot|pessoa(\s+de\s+verdade)?)\b|\b(estou\s+falando|falo)\s+com\s+(uma?\s+)?(bot|rob[ôo]|humano|chatbot|pessoa(\s+de\s+verdade)?)\b|\bisso\s+[ée]\s+um\s+(bot|rob[ôo]|chatbot)\b", Options)]
    private static partial Regex AboutTheBotNames();

    [GeneratedRegex(@"\b(bot|robot|chatbot)\b", Options)]
    private static partial Regex AboutTheBotHints();

    // Reopening the account once it is closed is recovering it: "can I reopen it later?" gets the same "no".
    [GeneratedRegex(@"what\s+if\s+(i|we)\s+(miss(ed)?|forg[eo]t|overlook(ed)?)\s+(something|anything)|(forgot|forget|missed)\s+(something|anything)|"
        // The same in the other languages: "¿y si se me olvida algo?", "et si j'oublie quelque chose ?", "was ist, wenn ich etwas
        // vergessen habe?", "e se eu esquecer alguma coisa?".
        + @"(olvid[oóaée]\w*|se\s+(me|nos)\s+(olvida|olvid[óo]|pasa|pas[óo]))\s+(algo|alguna\s+cosa)|oubli\w*\s+(quelque\s+chose|un\s+truc)|etwas\s+(\w+\s+)?vergess\w*|vergess\w*\s+(\w+\s+)?etwas|esque[cç]\w*\s+(algo|alguma\s+coisa)|recover|restore|get\s+(\w+\s+){0,2}back|data\s+back|recuperar|r[ée]cup[ée]rer|wiederherstell|zur[üu]ck"
        + @"|re-?open|re-?activat|change\s+(my|our)\s+minds?\s+(after|once|later)|reabr|reactiv|reativ|r[ée]?ouvr|r[ée]activ|wieder\s*(er)?[öo]ffn|reaktivier|wieder\s*aktivier", Options)]
    private static partial Regex DataRecoveryNames();

    [GeneratedRegex(@"\bdata\b|datos|donn[ée]es|daten|dados|afterwards|after\s+(closing|the)|despu[ée]s|apr[èe]s|danach|depois", Options)]
    private static partial Regex DataRecoveryHints();

    // "When will my account (actually) be closed?" in each language: a few hours or days after the request.
    [GeneratedRegex(@"how\s+(long|much\s+time|many\s+(days|hours))|how\s+quickly|how\s+soon|cu[áa]nto\s+(tiempo|tarda)|combien\s+de\s+temps|en\s+combien\s+de|wie\s+lange|wie\s+schnell|quanto\s+tempo|quanto\s+demora|demora\s+quanto"
        + @"|when\s+(will|is|does|would)\s+(it|the\s+account|my\s+account|our\s+account|the\s+closure)\s+((actually|really|finally)\s+)?((be|get)\s+)?(closed|close|done|finished|complete(d)?|terminated|deleted|shut\s+down)\b|when\s+(will|would|do|does)\s+(you|they|the\s+team)\s+((actually|finally)\s+)?(close|terminate|delete|shut\s+down)\b"
        + @"|cu[áa]ndo\s+(se\s+)?(cerrar[áa]n?|cierran|cierra|quedar[áa]\s+cerrada|estar[áa]\s+cerrada)\b"
        + @"|quand\s+(est-ce\s+que\s+)?(mon|le|notre)\s+compte\s+(sera|est|va\s+[êe]tre)(-t-il)?\s+(vraiment\s+)?(ferm|cl[ôo]tur|supprim)|quand\s+(allez-vous|vont-ils|va-t-on)\s+(fermer|cl[ôo]turer)"
        + @"|wann\s+(wird|ist)\s+(das|mein|unser)\s+konto\s+(\w+\s+){0,2}(geschlossen|gel[öo]scht|zu)\b"
        + @"|quando\s+(a\s+)?(minha|nossa|a)\s+conta\s+(ser[áa]|vai\s+ser|fica(r[áa])?|estar[áa])\s+(realmente\s+)?(encerrad|fechad|exclu[íi]d)|quando\s+(voc[êe]s\s+)?v[ãa]o\s+(encerrar|fechar)", Options)]
    private static partial Regex DurationNames();

    [GeneratedRegex(@"\btake\b|\blast\b|tarda|prend|dauer|demor|leva", Options)]
    private static partial Regex DurationHints();

    [GeneratedRegex(@"download|\bcopy\b|\bcopying\b|transfer|export|back\s*up|get\s+(my|our|the|all)\s+(\w+\s+)?(data|files|stuff)\s+(off|out)|move\s+(my|our|the)\s+(data|files)|retrieve|descarg|copiar|transferir|exportar|respald|copia\s+de\s+seguridad|t[ée]l[ée]charg|copier|transf[ée]rer|exporter|sauvegard|herunterlad|kopier|[üu]bertrag|exportier|sichern|sicherung|sichere\s+ich|baixar|c[óo]pia\s+de\s+seguran[çc]a"
        + @"|extract|extraer|extraire|extrair", Options)]
    private static partial Regex RetrieveDataNames();

    // What is copied off: the data, and the machines that hold it. With a copying verb a machine's name makes the question
    // one of keeping its data ("how do I export a VM?"), which the servers' own topic, preferred at the deleting steps,
    // once won; without one the machine's name alone is the servers' ("what's a VM?").
    [GeneratedRegex(@"\bdata\b|files|stuff|datos|archivos|donn[ée]es|fichiers|daten|dateien|dados|arquivos"
        + @"|\bvms?\b|virtual\s+machines?|\bservers?\b|servidor(es)?|serveurs?|m[áa]quinas?\s+virtua|machines?\s+virtuelles?|\bimages?\b|im[áa]gen(es)?|imagem", Options)]
    private static partial Regex RetrieveDataHints();

    // What closing takes: what to do before it, and its steps or process ("what do I need to do before closing?", "what are
    // the steps?", "Welche Schritte gibt es?", "¿cuáles son los pasos?", "quelles sont les étapes ?", "quais são as etapas?").
    [GeneratedRegex(@"what\s+(do|should|must)\s+(i|we)\s+((need|have)\s+to\s+)?do\s+(first\s+)?(before|to|prior\s+to)\s+(clos|cancel|terminat|delet|shut)|what\s+(are|'re)\s+the\s+steps|\bwhat\s+steps\b|\bwhich\s+steps\b|how\s+many\s+steps|what('s|\s+is)\s+the\s+(process|procedure)\b|how\s+does\s+(the\s+)?(closure|closing|process)\s+work"
        + @"|qu[ée]\s+(tengo|tenemos|debo|debemos|hay)\s+que\s+hacer\s+antes|cu[áa]les\s+son\s+los\s+pasos|qu[ée]\s+pasos|cu[áa]ntos\s+pasos|cu[áa]l\s+es\s+el\s+(proceso|procedimiento)|c[óo]mo\s+es\s+el\s+proceso"
        + @"|que\s+(dois-je|devons-nous|faut-il)\s+faire\s+avant|qu['’]est-ce\s+que\s+(je\s+dois|nous\s+devons|il\s+faut)\s+faire\s+avant|quelles\s+sont\s+les\s+[ée]tapes|quelles\s+[ée]tapes|combien\s+d['’][ée]tapes|quelle\s+est\s+la\s+proc[ée]dure"
        + @"|was\s+(muss|m[üu]ssen|sollte|soll)\s+(ich|wir)\s+vor(her|\s+der|\s+dem)\b|welche\s+schritte|wie\s+viele\s+schritte|wie\s+l[äa]uft\s+(das|die\s+k[üu]ndigung|die\s+schlie[ßs]ung)\s+ab|was\s+ist\s+der\s+ablauf"
        + @"|o\s+que\s+(eu\s+)?(preciso|tenho\s+que|devo)\s+fazer\s+antes|quais\s+s[ãa]o\s+(as|os)\s+(etapas|passos)|quantas\s+etapas|quantos\s+passos|qual\s+[ée]\s+o\s+(processo|procedimento)|como\s+funciona\s+o\s+processo", Options)]
    private static partial Regex StepsNames();

    [GeneratedRegex(@"\bsteps\b|\bprocess\b|schritte|ablauf|pasos|proceso|[ée]tapes|proc[ée]dure|etapas|passos|processo", Options)]
    private static partial Regex StepsHints();

    // A question about what was just said, with nothing else in it but greetings, fillers and punctuation.
    [GeneratedRegex(@"^\W*((um+|uh+|sorry|hm+|ok(ay)?|and|y|et|und|e|perd[óo]n|pardon|entschuldigung|desculpe?)\W+)*("
        + @"what['’]?s\s+(that|this)|what\s+is\s+(that|this)|what\s+are\s+(those|these|they)|what\s+(does|do)\s+(that|this|it)\s+mean|what\s+do\s+you\s+mean(\s+by\s+that)?|meaning|explain(\s+(that|this))?"
        + @"|qu[ée]\s+es\s+(eso|esto)|eso\s+qu[ée]\s+es|qu[ée]\s+(significa|quiere\s+decir)(\s+(eso|esto))?"
        + @"|qu['’]?est[\s-]ce\s+que\s+c['’]?est|c['’]?est\s+quoi(\s+[çc]a)?|[çc]a\s+(c['’]?est\s+quoi|veut\s+dire\s+quoi)|qu['’]?est[\s-]ce\s+que\s+[çc]a\s+(veut\s+dire|signifie)|que\s+veut\s+dire(\s+[çc]a)?"
        + @"|was\s+(ist|bedeutet|hei[ßs]t)\s+das(\s+denn)?|was\s+meinen\s+sie(\s+damit)?|was\s+soll\s+das\s+hei[ßs]en"
        + @"|o\s+que\s+[ée]\s+(isso|isto)|isso\s+[ée]\s+o\s+qu[êe]|o\s+que\s+(significa|quer\s+dizer)(\s+(isso|isto))?"
        + @")(\s+(exactly|again|please|por\s+favor|s['’]il\s+vous\s+pla[îi]t|bitte|genau|exactement|exactamente|exatamente))?\W*$", Options)]
    private static partial Regex AboutWhatWasSaid();

    // What a question about closing an account names: the account, closing it, its data, its bills and its people. A
    // question with none of these ("what's the weather?", "who are you?") is taken for off-topic.
    [GeneratedRegex(@"(?<!\w)(accounts?|acct|subscriptions?|sub-?accounts?|clos(e|ed|ing|ure)|cancel\w*|terminat\w*|delet\w*|data|back-?ups?|files|bill(s|ed|ing)?|invoices?|refund\w*|credits?|payments?|charge[ds]?|contracts?|plans?|users?|owner|admins?|administrators?|domains?|dns"
        + @"|cuentas?|suscripci[óo]n\w*|cerr\w*|cierre|cancel\w*|elimin\w*|borr\w*|datos|archivos|facturas?|reembols\w*|devol\w*|saldo|cr[ée]ditos?|pagos?|contratos?|usuarios?|dominios?"
        + @"|comptes?|abonnements?|ferm\w*|cl[ôo]tur\w*|r[ée]sili\w*|supprim\w*|donn[ée]es|fichiers|factur\w*|rembours\w*|paiements?|contrats?|forfaits?|utilisateurs?|domaines?"
        + @"|kontos?|konten|abos?|schlie[ßs]\w*|geschlossen|k[üu]ndig\w*|l[öo]sch\w*|gel[öo]scht|daten|dateien|rechnung\w*|erstatt\w*|r[üu]ckerstatt\w*|guthaben|zahlung\w*|vertr[äa]ge?|benutzer\w*|nutzer\w*|domains?"
        + @"|contas?|assinaturas?|encerr\w*|exclu\w*|apag\w*|dados|arquivos|faturas?|saldo|pagamentos?|planos?|usu[áa]rios?|dom[íi]nios?)(?!\w)", Options)]
    private static partial Regex AboutTheAccount();

    /// <summary>
    /// Whether <paramref name="question"/> is about closing an account, though no topic of the knowledge base answers it
    /// ("is my data deleted securely?", "do I get a refund?"): such a question is admitted unanswered and offered support,
    /// where an off-topic one gets the welcome, which says what the bot does.
    /// </summary>
    public static bool IsAboutTheAccount(string? question) =>
        !string.IsNullOrWhiteSpace(question) && question.Length <= MaxLength && AboutTheAccount().IsMatch(question);

    [GeneratedRegex(@"reference|\bref\b|ticket\s+(number|no|id)|case\s+number|confirmation\s+(number|code)|request\s+(number|id)|referencia|n[úu]mero\s+de\s+(caso|solicitud|ticket)|r[ée]f[ée]rence|num[ée]ro\s+de\s+(dossier|demande|ticket)|referenz|vorgangsnummer|ticketnummer|aktenzeichen|refer[êe]ncia|n[úu]mero\s+do\s+(pedido|chamado|protocolo)|protocolo", Options)]
    private static partial Regex ReferenceNames();

    [GeneratedRegex(@"\bnumber\b|\bcode\b|n[úu]mero|num[ée]ro|nummer|c[óo]digo", Options)]
    private static partial Regex ReferenceHints();

    [GeneratedRegex(@"\bfees?\b|\bcosts?\b|\bcosting\b|\bcharge\b|\bprice\b|\bfree\b|geb[üu]hr|kostet|kostenlos|kostenpflichtig|gratis|tarifa|cuota|cuesta|\bcost[oe]\b|\bfrais\b|co[ûu]te|\bpayante?\b|gratuit|\btaxa\b|\bcusta\b|\bcusto\b", Options)]
    private static partial Regex ClosingCostNames();

    [GeneratedRegex(@"\bclos(e|es|ed|ing|ure)\b|cancel|terminat|k[üu]ndig|schlie[ßs]|cerrar|cierre|fermer|fermeture|cl[ôo]tur|encerr|rescis", Options)]
    private static partial Regex ClosingCostHints();
}
