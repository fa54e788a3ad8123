using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>
/// Finds what a question is about: each topic has the words that name it (English, Spanish, French, German,
/// Portuguese); the topic with the most of them wins, and on a tie the topics of the step the customer stands at.
/// </summary>
public static partial class TopicReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int MaxLength = 200;

    private static readonly (KnowledgeTopic Topic, Regex[] Words)[] Topics =
    [
        (KnowledgeTopic.TermCommitment, [TermCommitmentNames(), TermCommitmentHints()]),
        (KnowledgeTopic.ServiceTask, [ServiceTaskNames(), ServiceTaskHints()]),
        (KnowledgeTopic.Servers, [ServersNames(), ServersHints()]),
        (KnowledgeTopic.Services, [ServicesNames(), ServicesHints()]),
        (KnowledgeTopic.StillBilled, [StillBilledNames(), StillBilledHints()]),
        (KnowledgeTopic.FinalInvoice, [FinalInvoiceNames(), FinalInvoiceHints()]),
        (KnowledgeTopic.Alias, [AliasNames(), AliasHints()]),
        (KnowledgeTopic.RequestToClose, [RequestToCloseNames(), RequestToCloseHints()]),
        (KnowledgeTopic.DataRecovery, [DataRecoveryNames(), DataRecoveryHints()]),
    ];

    /// <summary>Runs every topic's patterns over <paramref name="samples"/>, so none is first run on a customer's turn.</summary>
    public static void Warm(IEnumerable<string> samples)
    {
        foreach (var sample in samples)
            foreach (var (_, words) in Topics)
                foreach (var regex in words) regex.IsMatch(sample);
    }

    /// <summary>The topic of <paramref name="question"/>, or null when it names none; <paramref name="preferred"/> settles ties.</summary>
    public static KnowledgeTopic? Read(string? question, IReadOnlyList<KnowledgeTopic> preferred)
    {
        if (string.IsNullOrWhiteSpace(question) || question.Length > MaxLength) return null;
        KnowledgeTopic? best = null;
        var bestScore = 0.0;
        foreach (var (topic, words) in Topics)
        {
            // The naming words count fully, the words that only hint at the topic half.
            var score = (words[0].IsMatch(question) ? 1.0 : 0) + (words[1].IsMatch(question) ? 0.5 : 0);
            if (score == 0) continue;
            var rank = preferred.ToList().IndexOf(topic);
            score += rank < 0 ? 0 : 0.25 - rank * 0.01;
            if (score > bestScore) (best, bestScore) = (topic, score);
        }
        return bestScore >= 1 ? best : null;
    }


    [GeneratedRegex(@"commitment|compromiso|compromisso|engagement|verpflichtung|laufzeit|bindung", Options)]
    private static partial Regex TermCommitmentNames();

    [GeneratedRegex(@"\bterm\b|contract|contrato|contrat|vertrag|terminate\s+service\s+order|sales\s+rep", Options)]
    private static partial Regex TermCommitmentHints();

    [GeneratedRegex(@"service[\s-]?task|tarea\s+de\s+servicio|t[âa]che\s+de\s+service|tarefa\s+de\s+servi[çc]o", Options)]
    private static partial Regex ServiceTaskNames();

    [GeneratedRegex(@"extract|extraer|extraire|extrair|do\s+it\s+for\s+me", Options)]
    private static partial Regex ServiceTaskHints();

    [GeneratedRegex(@"\bservers?\b|servidor(es)?|serveurs?|\bserver\b|virtual\s+machines?|\bvms?\b|bare\s+metal", Options)]
    private static partial Regex ServersNames();

    [GeneratedRegex(@"stopped|archived|paused|running", Options)]
    private static partial Regex ServersHints();

    [GeneratedRegex(@"\bservices?\b|servicios|dienste|servi[çc]os", Options)]
    private static partial Regex ServicesNames();

    [GeneratedRegex(@"networks?|ip\s+address(es)?|public\s+ips?|vpns?|load\s+balancers?|buckets?|object\s+storage|appfog", Options)]
    private static partial Regex ServicesHints();

    [GeneratedRegex(@"charg(e|ed|es|ing)|still\s+(be(ing)?\s+)?(bill(ed)?|pay(ing)?)|billed|cost(s|ing)?\s+(me\s+)?money|cobr|factur[ée]|zahle|kosten|pay(ing)?\b", Options)]
    private static partial Regex StillBilledNames();

    [GeneratedRegex(@"\bstill\b|todav[íi]a|encore|noch|ainda", Options)]
    private static partial Regex StillBilledHints();

    [GeneratedRegex(@"invoice|factura|facture|rechnung|fatura|(last|final|closing)\s+bill", Options)]
    private static partial Regex FinalInvoiceNames();

    [GeneratedRegex(@"(last|final|closing)\s+one|[úu]ltima|derni[èe]re|finale?|letzte|schluss|how\s+much", Options)]
    private static partial Regex FinalInvoiceHints();

    [GeneratedRegex(@"alias|account\s+(name|id|code|number)", Options)]
    private static partial Regex AliasNames();

    [GeneratedRegex(@"find|where|d[óo]nde|o[ùu]|\bwo\b|onde|which\s+account", Options)]
    private static partial Regex AliasHints();

    [GeneratedRegex(@"request\s+to\s+close|close\s+request|closure\s+request|solicitar\s+el\s+cierre|demande\s+de\s+fermeture|schlie[ßs]ungsanfrage|pedido\s+de\s+encerramento", Options)]
    private static partial Regex RequestToCloseNames();

    [GeneratedRegex(@"undo(ne)?|revers|take\s+(it\s+)?back|how\s+long|what\s+happens\s+(after|when|next)|confirm", Options)]
    private static partial Regex RequestToCloseHints();

    [GeneratedRegex(@"recover|restore|get\s+(\w+\s+){0,2}back|data\s+back|recuperar|r[ée]cup[ée]rer|wiederherstell|zur[üu]ck", Options)]
    private static partial Regex DataRecoveryNames();

    [GeneratedRegex(@"\bdata\b|datos|donn[ée]es|daten|dados|afterwards|after\s+(closing|the)|despu[ée]s|apr[èe]s|danach|depois", Options)]
    private static partial Regex DataRecoveryHints();
}
