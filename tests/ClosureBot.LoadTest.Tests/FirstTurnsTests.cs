namespace ClosureBot.LoadTest.Tests;

public class FirstTurnsTests
{
    private static FirstTurns.LanguageTurns Turns(string locale, int place, double firstOpening, double tenthOpening, double firstYes, double tenthYes) =>
        new(locale, place, [firstOpening, .. Enumerable.Repeat(9.0, 8), tenthOpening], [firstYes, .. Enumerable.Repeat(9.0, 8), tenthYes]);

    [Fact]
    public void OrderOfStart_BeginsOneLanguageLaterEachStart_SoEachGoesFirstInTwoOfTheSix()
    {
        Assert.Equal(["en-US", "de-DE", "es-ES"], FirstTurns.OrderOfStart(0).Select(l => l.Locale));
        Assert.Equal(["de-DE", "es-ES", "en-US"], FirstTurns.OrderOfStart(1).Select(l => l.Locale));
        Assert.Equal(["es-ES", "en-US", "de-DE"], FirstTurns.OrderOfStart(2).Select(l => l.Locale));
        Assert.Equal(FirstTurns.OrderOfStart(0), FirstTurns.OrderOfStart(3));

        var firsts = Enumerable.Range(0, FirstTurns.Starts).Select(s => FirstTurns.OrderOfStart(s)[0].Locale).ToArray();
        foreach (var (locale, _, _) in FirstTurns.Languages) Assert.Equal(2, firsts.Count(f => f == locale));
        Assert.All(Enumerable.Range(0, FirstTurns.Starts), s => Assert.Equal(3, FirstTurns.OrderOfStart(s).Distinct().Count()));
    }

    [Fact]
    public void Summarize_ComparesEachLanguagesFirstCustomerWithItsTenth_WhereItFollowedAnother_AndTheStartsFirstApart()
    {
        // Three starts, in the order each took them: en first, then de first, then es first.
        IReadOnlyList<IReadOnlyList<FirstTurns.LanguageTurns>> runs =
        [
            [Turns("en-US", 0, 40, 2, 5, 1.5), Turns("de-DE", 1, 2.5, 2, 1.6, 1.4), Turns("es-ES", 2, 2, 2, 2, 2)],
            [Turns("de-DE", 0, 30, 3, 6, 1.25), Turns("es-ES", 1, 3, 3, 3, 3), Turns("en-US", 2, 2.25, 1.75, 1.5, 1.5)],
            [Turns("es-ES", 0, 50, 1, 4, 2), Turns("en-US", 1, 3.25, 2.25, 1.25, 1), Turns("de-DE", 2, 9, 2.5, 1.25, 1)],
        ];

        var lines = FirstTurns.Summarize(runs);

        Assert.Equal(8, lines.Count);
        // English followed another language in the second and third starts: medians of 2.25 and 3.25, of 1.75 and 2.25.
        Assert.StartsWith("  en-US  opening  first   2.75 ms   tenth   2.00 ms", lines[0]);
        Assert.Contains("after another language (first/tenth by start: 2.25/1.75, 3.25/2.25); first after the start: 40.00/2.00", lines[0]);
        Assert.StartsWith("  en-US  \"yes\"    first   1.38 ms   tenth   1.25 ms", lines[1]);
        Assert.Contains("first after the start: 5.00/1.50", lines[1]);
        // German, whichever order the starts took: after another in the first and third, first in the second.
        Assert.StartsWith("  de-DE  opening  first   5.75 ms   tenth   2.25 ms", lines[2]);
        Assert.Contains("first after the start: 30.00/3.00", lines[2]);
        Assert.StartsWith("  es-ES  opening", lines[4]);
        Assert.Contains("first after the start: 50.00/1.00", lines[4]);
        // The process's first customers, whatever their language: 40, 30 and 50 against 2, 3 and 1.
        Assert.StartsWith("  any    opening  first  40.00 ms   tenth   2.00 ms", lines[6]);
        Assert.Contains("in all 3 starts", lines[6]);
        Assert.StartsWith("  any    \"yes\"    first   5.00 ms   tenth   1.50 ms", lines[7]);
    }

    [Fact]
    public void Summarize_WhenALanguageAlwaysWentFirst_SaysSoInsteadOfAMedian()
    {
        IReadOnlyList<IReadOnlyList<FirstTurns.LanguageTurns>> runs = [[Turns("en-US", 0, 40, 2, 5, 1.5)]];

        var lines = FirstTurns.Summarize(runs);

        Assert.Contains("first    NaN ms", lines[0]);
        Assert.Contains("after another language (first/tenth by start: none); first after the start: 40.00/2.00", lines[0]);
    }
}
