using ClosureBot.Corpus;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// The interruption and answer readings remember what they found in short texts (<see cref="ReadingMemo{T}"/>). Every
/// corpus message, in every locale, read through the memo (the first reading and the remembered one) must find what a
/// reading without it finds.
/// </summary>
public sealed class ReadingMemoEquivalenceTests
{
    private static readonly string?[] Locales = ["en-US", "es-ES", "fr-FR", "de-DE", "pt-BR", null];

    public static TheoryData<string> Parts => new() { CorpusFiles.Training, CorpusFiles.HeldOut, CorpusFiles.Fresh };

    [Theory]
    [MemberData(nameof(Parts))]
    public void EveryCorpusMessage_InEveryLocale_ReadThroughTheMemo_FindsWhatAReadingWithoutItFinds(string part)
    {
        var texts = CorpusFiles.Load(part).Select(e => e.Text)
            .Concat(["yes", "done", "no", "ACME", "I want to close my account", "  yes  ", "YES", "ja", "sí", "oui", "sim"]).ToArray();
        Assert.Contains(texts, t => t.Length <= ReadingMemo<int>.MaxTextLength);

        var differences = new List<string>();
        foreach (var locale in Locales)
            foreach (var text in texts)
                for (var time = 0; time < 2; time++)
                {
                    if (IntentReader.Read(text, locale) is var intent && intent != IntentReader.ReadAnew(text, locale))
                        differences.Add($"intent {locale}: \"{text}\" {intent} against {IntentReader.ReadAnew(text, locale)}");
                    if (AnswerReader.Read(text, locale) is var answer && answer != AnswerReader.ReadAnew(text, locale))
                        differences.Add($"answer {locale}: \"{text}\" {answer} against {AnswerReader.ReadAnew(text, locale)}");
                }

        Assert.Empty(differences);
    }
}
