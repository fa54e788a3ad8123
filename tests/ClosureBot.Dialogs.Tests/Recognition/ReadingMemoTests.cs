using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class ReadingMemoTests
{
    [Fact]
    public void Read_TheSameTextAndLocaleAgain_IsLookedUpNotReadAgain()
    {
        var reads = 0;
        var memo = new ReadingMemo<string>((text, locale) => { reads++; return $"{text}|{locale}"; });

        Assert.Equal("yes|en-US", memo.Read("yes", "en-US"));
        Assert.Equal("yes|en-US", memo.Read("yes", "en-US"));

        Assert.Equal(1, reads);
        Assert.Equal(1, memo.Count);
    }

    [Fact]
    public void Read_TheSameTextInAnotherLocale_OrWithoutOne_IsReadForThatLocale()
    {
        var reads = 0;
        var memo = new ReadingMemo<string>((text, locale) => { reads++; return $"{text}|{locale}"; });

        Assert.Equal("ja|de-DE", memo.Read("ja", "de-DE"));
        Assert.Equal("ja|en-US", memo.Read("ja", "en-US"));
        Assert.Equal("ja|", memo.Read("ja", null));
        Assert.Equal("Ja|de-DE", memo.Read("Ja", "de-DE"));

        Assert.Equal(4, reads);
    }

    [Fact]
    public void Read_ALongTextOrLocale_IsReadEveryTime_AndNotRemembered()
    {
        var reads = 0;
        var memo = new ReadingMemo<int>((text, _) => { reads++; return text.Length; });
        var longText = new string('a', ReadingMemo<int>.MaxTextLength + 1);
        var longLocale = "en-US-x-" + new string('z', ReadingMemo<int>.MaxLocaleLength);

        memo.Read(longText, "en-US");
        memo.Read(longText, "en-US");
        memo.Read("done", longLocale);
        memo.Read("done", longLocale);

        Assert.Equal(4, reads);
        Assert.Equal(0, memo.Count);
    }

    [Fact]
    public void Read_AFloodOfDistinctTexts_NeverHoldsMoreThanTheCapacity_AndEveryAnswerIsTheReadingsOwn()
    {
        var memo = new ReadingMemo<int>((text, _) => int.Parse(text));

        for (var i = 0; i < ReadingMemo<int>.Capacity * 3 + 7; i++)
        {
            Assert.Equal(i, memo.Read(i.ToString(), "en"));
            Assert.InRange(memo.Count, 1, ReadingMemo<int>.Capacity);
        }
        // After the flood, a text read again still gets its own answer.
        Assert.Equal(42, memo.Read("42", "en"));
    }

    [Fact]
    public void Read_FromManyThreadsAtOnce_AlwaysGivesTheReadingsAnswer()
    {
        var memo = new ReadingMemo<int>((text, locale) => text.Length * 10 + (locale?.Length ?? 0));
        var texts = Enumerable.Range(0, ReadingMemo<int>.Capacity * 2).Select(i => new string('x', i % 40 + 1) + i).ToArray();

        Parallel.For(0, 8, worker =>
        {
            for (var round = 0; round < 3; round++)
                foreach (var text in texts)
                    Assert.Equal(text.Length * 10 + 5, memo.Read(text, "de-DE"));
        });

        Assert.InRange(memo.Count, 1, ReadingMemo<int>.Capacity);
    }
}
