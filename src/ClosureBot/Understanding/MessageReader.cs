using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Understanding;

/// <summary>
/// Tells what kind of message a customer typed, without knowing the question being asked: the order in which the
/// router weighs the same readings (a whole interruption, a question, a named account, an answer, an interruption
/// inside a longer message, an account named with a typo). The corpus report measures this reading.
/// </summary>
public static class MessageReader
{
    /// <summary>The kind of <paramref name="text"/>; <paramref name="accounts"/> are the accounts the customer may name.</summary>
    public static MessageKind Classify(string? text, string? locale, IReadOnlyList<AccountName> accounts)
    {
        if (string.IsNullOrWhiteSpace(text)) return MessageKind.None;
        var intent = IntentReader.Read(text, locale);
        if (intent is { Whole: true } whole) return whole.Kind;
        var answer = AnswerReader.Read(text, locale);
        if (answer == AnswerKind.Thanks) return MessageKind.Thanks;
        if (IsQuestion(text, locale)) return MessageKind.Question;
        var account = AliasFinder.Find(text, accounts);
        if (account is { Exact: true }) return MessageKind.Alias;
        switch (answer)
        {
            case AnswerKind.Yes: return MessageKind.Yes;
            case AnswerKind.No: return MessageKind.No;
            case AnswerKind.Done: return MessageKind.Done;
            case AnswerKind.NotDone: return MessageKind.NotDone;
            case AnswerKind.Thanks: return MessageKind.Thanks;
        }
        if (intent is { } inside) return inside.Kind;
        return account is not null ? MessageKind.Alias : MessageKind.None;
    }

    /// <summary>
    /// What customers ask for in each language, as whole messages and in one longer one. A source-generated pattern's
    /// matching code (the topics', the hedges') is compiled only once the input reaches it (its first characters found),
    /// so each language needs words of its own here: with the English sentence alone, when the intent tables were still
    /// generated, a customer's first Spanish, French or German message compiled its start pattern (2–4 ms; the corpus
    /// command's <c>watch</c> option names the methods). The interpreted patterns are built by the same reading.
    /// </summary>
    private static readonly string[] IntentSamples =
    [
        "I want to close my account, talk to support, check again, remind me later",
        // Long enough that a pattern's backtracking stack grows past its first size (its own compiled helper).
        "good morning, we are winding the whole company down at the end of this quarter and need our cloud account closed for good",
        "cancel", "help", "where was I?", "go back", "start over",
        "quiero cerrar mi cuenta, hablar con soporte, necesito ayuda, comprobar otra vez, recuérdame más tarde",
        "cancelar", "ayuda", "¿dónde estaba?", "volver", "empezar de nuevo", "ya no quiero",
        "je veux fermer mon compte, parler au support, j'ai besoin d'aide, vérifier à nouveau, rappelle-moi plus tard",
        "annuler", "aide", "où en suis-je ?", "retour", "recommencer", "j'ai changé d'avis",
        "ich möchte mein Konto schließen, mit dem Support sprechen, ich brauche Hilfe, erneut prüfen, erinnere mich später",
        "abbrechen", "Hilfe", "wo war ich?", "zurück", "von vorne anfangen", "ich will doch nicht",
        "quero encerrar minha conta, falar com o suporte, preciso de ajuda, verificar de novo, me lembre mais tarde",
        "pode cancelar", "ajuda", "onde eu estava?", "voltar", "começar de novo", "mudei de ideia",
    ];

    /// <summary>
    /// Builds and runs every recognizer of every supported language once (interruptions, answers, questions, topics,
    /// accounts), so that a customer's first turn in a language is no slower than their tenth. Costs a few seconds of CPU
    /// on a cold process: the app runs it in the background at start-up (<see cref="Hosting.StartupWarmup"/>).
    /// </summary>
    public static void Warm()
    {
        string[] samples = [.. RecognizerWarmer.Samples, .. IntentSamples];
        RecognizerWarmer.Warm();
        IntentReader.Warm(samples);
        TopicReader.Warm(samples);
        AccountName[] accounts = [new("ACME", "Acme Corporation")];
        foreach (var sample in samples)
            foreach (var language in RecognizerWarmer.Languages)
            {
                Classify(sample, language, accounts);
                NothingToKeepReader.Says(sample, language);
                TroubleReader.Says(sample, language);
            }
    }

    /// <summary>
    /// Whether <paramref name="text"/> asks something: a question ("what servers?", "what about my last invoice"), or
    /// a statement of not knowing that is one ("I don't know my alias").
    /// </summary>
    public static bool IsQuestion(string? text, string? locale) =>
        QuestionDetector.IsQuestion(text, locale) || (text is { Length: <= IntentReader.MaxLength } && NotKnowing().IsMatch(text));

    private static Regex? _notKnowing;
    private static Regex NotKnowing() => _notKnowing ??= new(@"\b(i\s+)?(don'?t|do\s+not|dont)\s+know\s+(my|the|our|what|where|which|how|when|if|whether)\b|\bno\s+idea\s+(what|where|which|how)\b|\b(can'?t|cannot|couldn'?t)\s+find\s+(my|the|our)\b|\bno\s+s[ée]\s+(cu[áa]l|d[óo]nde|mi|el)\b|\bje\s+ne\s+(sais|trouve)\s+pas\s+(o[ùu]|quel|mon|le)\b|\bwei[ßs]\s+nicht,?\s+(wo|welche|mein|den)\b|\bn[ãa]o\s+sei\s+(qual|onde|meu|o)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
