using System.Reflection;
using System.Text.RegularExpressions;
using ClosureBot.Corpus;
using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// Every source-generated pattern of the bot runs on what customers write without throwing. "Kann ich die öffentliche IP
/// behalten?" at step 3 once made the German trouble pattern throw an <see cref="IndexOutOfRangeException"/> from inside
/// its generated code (a lazy loop after an optional capture group, backtracking), and the turn failed with a 500. The
/// interpreter reads the same pattern without error; the readers now capture nothing (<c>ExplicitCapture</c>).
/// </summary>
public sealed class GeneratedPatternsTests
{
    // The verbs, pronouns and fillers the readers' patterns are built around, joined every way, so each pattern backtracks
    // through its loops on text it nearly matches.
    private static readonly string[] Openings =
    [
        "kann ich", "können wir", "konnte ich", "konnten wir", "lässt sich", "lassen sich", "wird", "werden", "sich", "muss ich",
        "can I", "can't we", "I can't", "we couldn't", "it won't", "one server won't", "I need to", "we don't need to",
        "no puedo", "no podemos", "no se", "se me", "tengo que", "je ne peux pas", "on n'arrive pas à", "ne se", "je dois",
        "não consigo", "não", "nós não", "eu preciso", "what if", "was ist, wenn", "¿y si", "et si", "e se",
    ];

    private static readonly string[] Endings =
    [
        "die öffentliche IP behalten?", "die Server nicht löschen", "nicht", "das nicht mehr", "a b c d e f g", "the public IP keep?",
        "delete it yet", "el servidor borrar?", "la IP pública conservar", "supprimer le serveur ?", "garder l'adresse IP publique ?",
        "excluir o servidor", "manter o IP público?", "", "?", "nicht löschen lässt?", "je nachdem", "yet yet yet",
    ];

    public static IEnumerable<string> Texts() =>
        new[] { CorpusFiles.Training, CorpusFiles.HeldOut, CorpusFiles.Fresh }.SelectMany(part => CorpusFiles.Load(part)).Select(e => e.Text)
            .Concat(Openings.SelectMany(o => Endings.Select(e => $"{o} {e}")))
            .Concat(["was ist ein Site-to-Site-VPN?", "muss ich auch die Object-Storage-Buckets löschen?"]);

    public static IEnumerable<(string Name, Regex Pattern)> Patterns() =>
        new[] { typeof(TopicReader).Assembly, typeof(Dialogs.Recognition.AnswerReader).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<GeneratedRegexAttribute>() is not null && m.GetParameters().Length == 0)
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", (Regex)m.Invoke(null, null)!));

    [Fact]
    public void EveryGeneratedPattern_OnWhatCustomersWrite_RunsWithoutThrowing()
    {
        var patterns = Patterns().ToList();
        var texts = Texts().Distinct().ToList();
        // The readers' patterns are found: the topics', the troubles', the answers' and the questions'.
        Assert.Contains(patterns, p => p.Name.StartsWith("TroubleReader.", StringComparison.Ordinal));
        Assert.Contains(patterns, p => p.Name.StartsWith("TopicReader.", StringComparison.Ordinal));
        Assert.True(patterns.Count > 50, $"only {patterns.Count} generated patterns found");

        var failures = new List<string>();
        foreach (var (name, pattern) in patterns)
            foreach (var text in texts)
            {
                try { pattern.IsMatch(text); }
                catch (Exception e) when (e is not RegexMatchTimeoutException) { failures.Add($"{name} on \"{text}\": {e.GetType().Name}"); }
            }
        Assert.True(failures.Count == 0, $"{failures.Count} failures, the first: {string.Join("\n", failures.Take(20))}");
    }

    // The patterns that read customers' words ask only whether they match, so they capture nothing (ReaderPatterns.Options):
    // a new pattern with groups that does not say so is read the way that once threw. Only the patterns that take text
    // apart keep their groups: a card's binding, a page's placeholder, a link in a spoken reply, a letter typed three times.
    [Fact]
    public void EveryGeneratedPatternWithGroups_CapturesNothing_ButThoseThatTakeTextApart()
    {
        string[] takeTextApart = ["CardStrings.", "LocalizedPage.", "SpeakReplyShaper.", "TypedText.Elongation"];

        var capturing = Patterns()
            .Where(p => !p.Pattern.Options.HasFlag(RegexOptions.ExplicitCapture) && p.Pattern.GetGroupNumbers().Length > 1)
            .Select(p => p.Name)
            .Where(name => !takeTextApart.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(capturing.Count == 0, "generated patterns that capture: " + string.Join(", ", capturing));
        Assert.Contains(Patterns(), p => p.Name.StartsWith("TroubleReader.", StringComparison.Ordinal) && p.Pattern.Options == ClosureBot.Dialogs.Recognition.ReaderPatterns.Options);
    }
}
