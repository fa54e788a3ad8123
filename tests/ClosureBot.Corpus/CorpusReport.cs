using ClosureBot.Understanding;

namespace ClosureBot.Corpus;

/// <summary>How <see cref="MessageReader"/> reads one part of the corpus: accuracy per language and kind, and the confusions.</summary>
public sealed class CorpusReport
{
    /// <summary>The goals of issue 10 on the held-out part.</summary>
    public const double EnglishGoal = 0.98, OtherLanguageGoal = 0.95;

    private static readonly MessageKind[] Negatives = [MessageKind.No, MessageKind.NotDone];
    private static readonly MessageKind[] Affirmatives = [MessageKind.Yes, MessageKind.Done];

    private CorpusReport(IReadOnlyList<(CorpusExample Example, MessageKind Read)> readings, TimeSpan firstPass, TimeSpan elapsed) =>
        (Readings, FirstPass, Elapsed) = (readings, firstPass, elapsed);

    /// <summary>Time of the first pass, which compiles each language's patterns on first use.</summary>
    public TimeSpan FirstPass { get; }

    public IReadOnlyList<(CorpusExample Example, MessageKind Read)> Readings { get; }

    /// <summary>Time to read every example once more, after a first pass that compiled the patterns.</summary>
    public TimeSpan Elapsed { get; }

    public static CorpusReport Run(string part)
    {
        var accounts = CorpusFiles.DemoAccounts();
        var examples = CorpusFiles.Load(part);
        var first = System.Diagnostics.Stopwatch.GetTimestamp();
        var readings = examples.Select(e => (e, MessageReader.Classify(e.Text, e.Language, accounts))).ToList();
        var firstPass = System.Diagnostics.Stopwatch.GetElapsedTime(first);
        // Timed again on a second pass: the first one compiles each language's patterns.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var e in examples) MessageReader.Classify(e.Text, e.Language, accounts);
        return new CorpusReport(readings, firstPass, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    public double Accuracy(string language) => Share(Readings.Where(r => r.Example.Language == language));

    public double Accuracy(string language, MessageKind kind) => Share(Readings.Where(r => r.Example.Language == language && r.Example.Kind == kind));

    /// <summary>Negative examples (no, not done) read as affirmative (yes, done): must be none.</summary>
    public IReadOnlyList<(CorpusExample Example, MessageKind Read)> NegativesReadAsAffirmative =>
        Readings.Where(r => Negatives.Contains(r.Example.Kind) && Affirmatives.Contains(r.Read)).ToList();

    public IReadOnlyList<(CorpusExample Example, MessageKind Read)> Misses => Readings.Where(r => r.Read != r.Example.Kind).ToList();

    public bool MeetsGoals => NegativesReadAsAffirmative.Count == 0
        && CorpusFiles.Languages.All(l => Accuracy(l) >= (l == "en" ? EnglishGoal : OtherLanguageGoal));

    private static double Share(IEnumerable<(CorpusExample Example, MessageKind Read)> readings)
    {
        var list = readings.ToList();
        return list.Count == 0 ? 1 : (double)list.Count(r => r.Read == r.Example.Kind) / list.Count;
    }
}
