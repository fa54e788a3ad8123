using System.Diagnostics;
using ClosureBot.Understanding;

namespace ClosureBot.Corpus;

/// <summary>
/// A language's first message read in a process against its tenth; <paramref name="Compiled"/> names the methods the
/// runtime compiled while it read the first (null when not watched).
/// </summary>
public sealed record FirstTurn(string Language, TimeSpan First, TimeSpan Tenth, IReadOnlyList<string>? Compiled);

/// <summary>How <see cref="MessageReader"/> reads one part of the corpus: accuracy per language and kind, and the confusions.</summary>
public sealed class CorpusReport
{
    /// <summary>The goals of issue 10 on the held-out part.</summary>
    public const double EnglishGoal = 0.98, OtherLanguageGoal = 0.95;

    private static readonly MessageKind[] Negatives = [MessageKind.No, MessageKind.NotDone];
    private static readonly MessageKind[] Affirmatives = [MessageKind.Yes, MessageKind.Done];

    /// <summary>How many times the benchmark reads the whole part after the first pass.</summary>
    public const int Passes = 20;

    private CorpusReport(IReadOnlyList<(CorpusExample Example, MessageKind Read)> readings, TimeSpan firstPass, TimeSpan elapsed,
        IReadOnlyList<FirstTurn> firstTurns) =>
        (Readings, FirstPass, Elapsed, FirstTurns) = (readings, firstPass, elapsed, firstTurns);

    /// <summary>Time of the first pass over the part, which builds what each language builds on first use.</summary>
    public TimeSpan FirstPass { get; }

    public IReadOnlyList<(CorpusExample Example, MessageKind Read)> Readings { get; }

    /// <summary>Time to read every example <see cref="Passes"/> times more, after the first pass (the micro benchmark).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Per language, in a fresh process: the time of its first message read, and of its tenth.</summary>
    public IReadOnlyList<FirstTurn> FirstTurns { get; }

    /// <summary>Average cost of reading one message, from the benchmark passes.</summary>
    public double MicrosecondsPerMessage => Elapsed.TotalMicroseconds / (Readings.Count * (double)PassesTimed);

    /// <summary>How many passes <see cref="Elapsed"/> timed.</summary>
    public int PassesTimed { get; private init; }

    /// <summary>Reads <paramref name="part"/>, then times <paramref name="passes"/> more readings of it (none in the test suite).</summary>
    public static CorpusReport Run(string part, int passes = Passes, bool watchCompilation = false)
    {
        var accounts = CorpusFiles.DemoAccounts();
        var examples = CorpusFiles.Load(part);
        // Before anything else ran in this process: what a customer's first turn in a language costs, against the tenth,
        // and (with watchCompilation) which methods the runtime compiled while it read the first.
        var watch = watchCompilation ? new CompilationWatch() : null;
        var firstTurns = new List<FirstTurn>();
        foreach (var language in CorpusFiles.Languages)
        {
            var own = examples.Where(e => e.Language == language).Take(10).ToList();
            var times = new List<TimeSpan>(own.Count);
            IReadOnlyList<string> compiled = [];
            foreach (var e in own)
            {
                var (text, textLanguage) = (e.Text, e.Language);
                var watched = watch is not null && times.Count == 0;
                if (watched) watch!.Start();
                // Timed inline: a lambda here would be compiled on its first call, inside the first message's time.
                var began = Stopwatch.GetTimestamp();
                MessageReader.Classify(text, textLanguage, accounts);
                var elapsed = Stopwatch.GetElapsedTime(began);
                if (watched) compiled = watch!.Stop();
                times.Add(elapsed);
            }
            firstTurns.Add(new FirstTurn(language, times[0], times[^1], watch is null ? null : compiled));
        }
        // Off before the passes below, which the JIT events would slow.
        watch?.Dispose();
        var first = Stopwatch.GetTimestamp();
        var readings = examples.Select(e => (e, MessageReader.Classify(e.Text, e.Language, accounts))).ToList();
        var firstPass = Stopwatch.GetElapsedTime(first);
        var started = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < passes; pass++)
            foreach (var e in examples) MessageReader.Classify(e.Text, e.Language, accounts);
        return new CorpusReport(readings, firstPass, Stopwatch.GetElapsedTime(started), firstTurns) { PassesTimed = passes };
    }

    public double Accuracy(string language) => Share(Readings.Where(r => r.Example.Language == language));

    public double Accuracy(string language, MessageKind kind) => Share(Readings.Where(r => r.Example.Language == language && r.Example.Kind == kind));

    /// <summary>
    /// A cell of the command's table: the kind's accuracy in the language, or "—" when the part holds no example of it
    /// there (the accuracy of nothing would read as 100 %).
    /// </summary>
    public string Cell(string language, MessageKind kind) =>
        Readings.Any(r => r.Example.Language == language && r.Example.Kind == kind)
            ? Accuracy(language, kind).ToString("P0", System.Globalization.CultureInfo.InvariantCulture)
            : "—";

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
