using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>
/// Finds what a question is about: each topic has the words that name it (English, Spanish, French, German,
/// Portuguese); the topic with the most of them wins, and on a tie the topics of the step the customer stands at.
/// </summary>
public static class TopicReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int MaxLength = 200;

    private static readonly (KnowledgeTopic Topic, Regex[] Words)[] Topics =
    [
        (KnowledgeTopic.TermCommitment, Words(@"commitment|compromiso|compromisso|engagement|verpflichtung|laufzeit|bindung", @"\bterm\b|contract|contrato|contrat|vertrag|terminate\s+service\s+order|sales\s+rep")),
        (KnowledgeTopic.ServiceTask, Words(@"service[\s-]?task|tarea\s+de\s+servicio|t[âa]che\s+de\s+service|tarefa\s+de\s+servi[çc]o", @"extract|extraer|extraire|extrair|do\s+it\s+for\s+me")),
        (KnowledgeTopic.Servers, Words(@"\bservers?\b|servidor(es)?|serveurs?|\bserver\b|virtual\s+machines?|\bvms?\b|bare\s+metal", @"stopped|archived|paused|running")),
        (KnowledgeTopic.Services, Words(@"\bservices?\b|servicios|dienste|servi[çc]os", @"networks?|ip\s+address(es)?|public\s+ips?|vpns?|load\s+balancers?|buckets?|object\s+storage|appfog")),
        (KnowledgeTopic.StillBilled, Words(@"charg(e|ed|es|ing)|still\s+(be(ing)?\s+)?(bill(ed)?|pay(ing)?)|billed|cost(s|ing)?\s+(me\s+)?money|cobr|factur[ée]|zahle|kosten|pay(ing)?\b", @"\bstill\b|todav[íi]a|encore|noch|ainda")),
        (KnowledgeTopic.FinalInvoice, Words(@"invoice|factura|facture|rechnung|fatura|(last|final|closing)\s+bill", @"(last|final|closing)\s+one|[úu]ltima|derni[èe]re|finale?|letzte|schluss|how\s+much")),
        (KnowledgeTopic.Alias, Words(@"alias|account\s+(name|id|code|number)", @"find|where|d[óo]nde|o[ùu]|\bwo\b|onde|which\s+account")),
        (KnowledgeTopic.RequestToClose, Words(@"request\s+to\s+close|close\s+request|closure\s+request|solicitar\s+el\s+cierre|demande\s+de\s+fermeture|schlie[ßs]ungsanfrage|pedido\s+de\s+encerramento", @"undo(ne)?|revers|take\s+(it\s+)?back|how\s+long|what\s+happens\s+(after|when|next)|confirm")),
        (KnowledgeTopic.DataRecovery, Words(@"recover|restore|get\s+(\w+\s+){0,2}back|data\s+back|recuperar|r[ée]cup[ée]rer|wiederherstell|zur[üu]ck", @"\bdata\b|datos|donn[ée]es|daten|dados|afterwards|after\s+(closing|the)|despu[ée]s|apr[èe]s|danach|depois")),
    ];

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

    private static Regex[] Words(string names, string hints) => [new(names, Options), new(hints, Options)];
}
