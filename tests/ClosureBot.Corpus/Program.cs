using ClosureBot.Corpus;
using ClosureBot.Understanding;

namespace ClosureBot.Corpus;

/// <summary>
/// <c>dotnet run --project tests/ClosureBot.Corpus [-- held-out|training|fresh [warm] [watch]]</c>: prints accuracy per kind
/// and language, the confusions between kinds and every miss; exits 1 when a goal of issue 10 is missed. <c>warm</c> warms
/// the readers as the app does before the first message is read; <c>watch</c> names the methods the runtime compiled
/// while each language's first message was read (the runtime's JIT events slow that reading a little).
/// </summary>
internal static class CorpusCommand
{
    private static int Main(string[] args)
    {
        var part = args.FirstOrDefault() ?? CorpusFiles.HeldOut;
        if (part is not (CorpusFiles.HeldOut or CorpusFiles.Training or CorpusFiles.Fresh))
        {
            Console.Error.WriteLine($"Unknown part \"{part}\": use {CorpusFiles.HeldOut}, {CorpusFiles.Training} or {CorpusFiles.Fresh}.");
            return 2;
        }

        // "warm": as the app does in the background as it starts (StartupWarmup), before the first message is read.
        var warm = args.Skip(1).Contains("warm");
        var warmed = TimeSpan.Zero;
        if (warm)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            MessageReader.Warm();
            warmed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        var report = CorpusReport.Run(part, watchCompilation: args.Skip(1).Contains("watch"));
        var kinds = Enum.GetValues<MessageKind>().Where(k => k != MessageKind.None).ToArray();
        Console.WriteLine($"Corpus part: {part} ({report.Readings.Count} examples)");
        Console.WriteLine();
        Console.WriteLine($"{"kind",-14}" + string.Concat(CorpusFiles.Languages.Select(l => $"{l,9}")));
        foreach (var kind in kinds)
            Console.WriteLine($"{kind,-14}" + string.Concat(CorpusFiles.Languages.Select(l => $"{report.Cell(l, kind),9}")));
        Console.WriteLine($"{"all",-14}" + string.Concat(CorpusFiles.Languages.Select(l => $"{report.Accuracy(l),9:P1}")));
        Console.WriteLine();
        Console.WriteLine($"Goals: English >= {CorpusReport.EnglishGoal:P0}, others >= {CorpusReport.OtherLanguageGoal:P0}, no negative read as affirmative.");
        Console.WriteLine($"Negatives read as affirmative: {report.NegativesReadAsAffirmative.Count}");
        Console.WriteLine();
        Console.WriteLine("Confusions (expected -> read: count):");
        foreach (var group in report.Misses.GroupBy(m => (m.Example.Kind, m.Read)).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  {group.Key.Kind} -> {group.Key.Read}: {group.Count()}");
        Console.WriteLine();
        Console.WriteLine("Misses:");
        foreach (var (example, read) in report.Misses)
            Console.WriteLine($"  {example.Part}.{example.Language}.tsv:{example.Line}  {example.Kind} read as {read}: {example.Text}");
        Console.WriteLine();
        Console.WriteLine(warm
            ? $"First message of each language read in this process, against its tenth (after MessageReader.Warm(), {warmed.TotalMilliseconds:F0} ms):"
            : "First message of each language read in this process, against its tenth (nothing warmed before; add \"warm\" to warm first):");
        foreach (var (language, first, tenth, compiled) in report.FirstTurns)
        {
            Console.WriteLine($"  {language}: first {first.TotalMicroseconds,9:F0} µs, tenth {tenth.TotalMicroseconds,7:F0} µs"
                + (compiled is null ? "" : $", methods compiled while reading the first: {compiled.Count}"));
            foreach (var method in compiled ?? []) Console.WriteLine($"      {method}");
        }
        Console.WriteLine($"First pass over the part: {report.FirstPass.TotalMilliseconds:F0} ms.");
        Console.WriteLine($"Recognizers: {report.MicrosecondsPerMessage:F1} µs a message on average ({CorpusReport.Passes} passes over {report.Readings.Count} messages, Stopwatch, after the first pass).");
        Console.WriteLine(report.MeetsGoals ? "All goals met." : "GOALS MISSED.");
        return report.MeetsGoals ? 0 : 1;
    }
}
