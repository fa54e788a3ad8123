namespace ClosureBot.LoadTest.Tests;

public class FirstTurnsTests
{
    private static FirstTurns.LanguageTurns Turns(string locale, double firstOpening, double tenthOpening, double firstYes, double tenthYes) =>
        new(locale, [firstOpening, .. Enumerable.Repeat(9.0, 8), tenthOpening], [firstYes, .. Enumerable.Repeat(9.0, 8), tenthYes]);

    [Fact]
    public void Summarize_ComparesEachLanguagesFirstCustomerWithItsTenth_MedianOverTheStarts()
    {
        IReadOnlyList<IReadOnlyList<FirstTurns.LanguageTurns>> runs =
        [
            [Turns("en-US", 40, 2, 5, 1.5), Turns("de-DE", 2.5, 2, 1.6, 1.4)],
            [Turns("en-US", 30, 3, 6, 1.25), Turns("de-DE", 2.25, 1.75, 1.5, 1.5)],
            [Turns("en-US", 50, 1, 4, 2), Turns("de-DE", 9, 2.5, 1.25, 1)],
        ];

        var lines = FirstTurns.Summarize(runs);

        Assert.Equal(4, lines.Count);
        Assert.Contains("en-US", lines[0]);
        Assert.Contains("opening", lines[0]);
        Assert.Contains("first  40.00 ms", lines[0]);
        Assert.Contains("tenth   2.00 ms", lines[0]);
        Assert.Contains("40.00/2.00, 30.00/3.00, 50.00/1.00", lines[0]);
        Assert.Contains("\"yes\"", lines[1]);
        Assert.Contains("first   5.00 ms", lines[1]);
        Assert.Contains("tenth   1.50 ms", lines[1]);
        Assert.Contains("de-DE", lines[2]);
        Assert.Contains("first   2.50 ms", lines[2]);
        Assert.Contains("tenth   2.00 ms", lines[2]);
    }
}
