using ClosureBot.Corpus;
using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// The corpus measured in the suite, so a change to the rules that regresses fails CI. Issue 10's goals (98 % English,
/// 95 % the others) are NOT met on the held-out part yet: the floors below are the figures measured on it once, when it
/// was fresh (see README.nlu.md); raise them, never lower them, and measure a fresh held-out part to claim the goals.
/// </summary>
public sealed class CorpusGoalTests
{
    private static readonly Lazy<CorpusReport> HeldOut = new(() => CorpusReport.Run(CorpusFiles.HeldOut));
    private static readonly Lazy<CorpusReport> Training = new(() => CorpusReport.Run(CorpusFiles.Training));

    [Theory]
    [InlineData("en", 0.923)]
    [InlineData("es", 0.940)]
    [InlineData("fr", 0.904)]
    [InlineData("de", 0.892)]
    [InlineData("pt", 0.928)]
    public void HeldOut_Language_NoWorseThanMeasured(string language, double goal)
    {
        var accuracy = HeldOut.Value.Accuracy(language);
        var misses = HeldOut.Value.Misses.Where(m => m.Example.Language == language).Select(m => $"{m.Example.Kind} read as {m.Read}: {m.Example.Text}");
        Assert.True(accuracy >= goal, $"{language}: {accuracy:P1} < {goal:P0}. Misses:\n{string.Join("\n", misses)}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("pt")]
    public void Training_Language_IsReadAsWritten(string language)
    {
        var misses = Training.Value.Misses.Where(m => m.Example.Language == language).Select(m => $"{m.Example.Kind} read as {m.Read}: {m.Example.Text}");
        Assert.Empty(misses);
    }

    [Fact]
    public void HeldOut_Negatives_NeverReadAsAffirmative()
    {
        var wrong = HeldOut.Value.NegativesReadAsAffirmative.Concat(Training.Value.NegativesReadAsAffirmative).Select(m => $"{m.Example.Language} {m.Example.Kind} read as {m.Read}: {m.Example.Text}");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Corpus_EveryKindAndLanguage_HasTheIssuesMinimumOfExamples()
    {
        var all = CorpusFiles.Load(CorpusFiles.Training).Concat(CorpusFiles.Load(CorpusFiles.HeldOut)).ToList();
        foreach (var kind in Enum.GetValues<MessageKind>().Where(k => k != MessageKind.None))
        foreach (var language in CorpusFiles.Languages)
        {
            var count = all.Count(e => e.Kind == kind && e.Language == language);
            Assert.True(count >= (language == "en" ? 40 : 15), $"{language} {kind}: only {count} examples");
        }
    }

    [Fact]
    public void Corpus_HeldOutPart_SharesNoMessageWithTrainingPart()
    {
        static string Key(CorpusExample e) => $"{e.Language}|{e.Text.Trim().ToLowerInvariant()}";
        var training = CorpusFiles.Load(CorpusFiles.Training).Select(Key).ToHashSet();
        var shared = CorpusFiles.Load(CorpusFiles.HeldOut).Where(e => training.Contains(Key(e))).Select(e => $"{e.Language}: {e.Text}");
        Assert.Empty(shared);
    }
}
