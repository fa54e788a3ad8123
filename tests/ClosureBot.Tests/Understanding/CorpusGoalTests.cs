using ClosureBot.Corpus;
using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// The corpus measured in the suite, so a change to the rules that regresses fails CI: issue 10's goals (98 % English,
/// 95 % each other language, no negative read as affirmative) on the held-out part, which guided the last rule changes
/// through its confusion list, and on the fresh part, written before those changes and never used to write a rule.
/// </summary>
public sealed class CorpusGoalTests
{
    private static readonly Lazy<CorpusReport> HeldOut = new(() => CorpusReport.Run(CorpusFiles.HeldOut, passes: 0));
    private static readonly Lazy<CorpusReport> Fresh = new(() => CorpusReport.Run(CorpusFiles.Fresh, passes: 0));
    private static readonly Lazy<CorpusReport> Training = new(() => CorpusReport.Run(CorpusFiles.Training, passes: 0));

    [Theory]
    [InlineData(CorpusFiles.HeldOut, "en")]
    [InlineData(CorpusFiles.HeldOut, "es")]
    [InlineData(CorpusFiles.HeldOut, "fr")]
    [InlineData(CorpusFiles.HeldOut, "de")]
    [InlineData(CorpusFiles.HeldOut, "pt")]
    [InlineData(CorpusFiles.Fresh, "en")]
    [InlineData(CorpusFiles.Fresh, "es")]
    [InlineData(CorpusFiles.Fresh, "fr")]
    [InlineData(CorpusFiles.Fresh, "de")]
    [InlineData(CorpusFiles.Fresh, "pt")]
    public void MeasuredPart_Language_MeetsTheIssuesGoal(string part, string language)
    {
        var report = part == CorpusFiles.Fresh ? Fresh.Value : HeldOut.Value;
        var goal = language == "en" ? CorpusReport.EnglishGoal : CorpusReport.OtherLanguageGoal;
        var accuracy = report.Accuracy(language);
        var misses = report.Misses.Where(m => m.Example.Language == language).Select(m => $"{m.Example.Kind} read as {m.Read}: {m.Example.Text}");
        Assert.True(accuracy >= goal, $"{part} {language}: {accuracy:P1} < {goal:P0}. Misses:\n{string.Join("\n", misses)}");
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
        var wrong = HeldOut.Value.NegativesReadAsAffirmative.Concat(Training.Value.NegativesReadAsAffirmative)
            .Concat(Fresh.Value.NegativesReadAsAffirmative).Select(m => $"{m.Example.Language} {m.Example.Kind} read as {m.Read}: {m.Example.Text}");
        Assert.Empty(wrong);
    }

    // The measured parts were written before the term commitment named mid-flow was a kind: the command's table shows
    // that it has no examples there, not a 100 % of nothing; where examples are, their share.
    [Fact]
    public void Table_AKindWithoutExamples_ShowsADash()
    {
        Assert.Equal("—", Fresh.Value.Cell("en", MessageKind.TermCommitment));
        Assert.Equal("100 %", Training.Value.Cell("en", MessageKind.TermCommitment));
        Assert.Equal("100 %", Fresh.Value.Cell("en", MessageKind.Status));
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
    public void Corpus_MeasuredParts_ShareNoMessageWithTrainingPart()
    {
        static string Key(CorpusExample e) => $"{e.Language}|{e.Text.Trim().ToLowerInvariant()}";
        var training = CorpusFiles.Load(CorpusFiles.Training).Select(Key).ToHashSet();
        var shared = CorpusFiles.Load(CorpusFiles.HeldOut).Concat(CorpusFiles.Load(CorpusFiles.Fresh)).Where(e => training.Contains(Key(e))).Select(e => $"{e.Language}: {e.Text}");
        Assert.Empty(shared);
    }
}
