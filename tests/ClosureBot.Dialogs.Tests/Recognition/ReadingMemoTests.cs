using System.Diagnostics.Metrics;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class ReadingMemoTests
{
    [Fact]
    public void Read_TheSameTextAndLocaleAgain_IsLookedUpNotReadAgain()
    {
        var reads = 0;
        var memo = new ReadingMemo<string>("test", (text, locale) => { reads++; return $"{text}|{locale}"; });

        Assert.Equal("yes|en-US", memo.Read("yes", "en-US"));
        Assert.Equal("yes|en-US", memo.Read("yes", "en-US"));

        Assert.Equal(1, reads);
        Assert.Equal(1, memo.Size);
    }

    [Fact]
    public void Read_TheSameTextInAnotherLocale_OrWithoutOne_IsReadForThatLocale()
    {
        var reads = 0;
        var memo = new ReadingMemo<string>("test", (text, locale) => { reads++; return $"{text}|{locale}"; });

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
        var memo = new ReadingMemo<int>("test", (text, _) => { reads++; return text.Length; });
        var longText = new string('a', ReadingMemo<int>.MaxTextLength + 1);
        var longLocale = "en-US-x-" + new string('z', ReadingMemo<int>.MaxLocaleLength);

        memo.Read(longText, "en-US");
        memo.Read(longText, "en-US");
        memo.Read("done", longLocale);
        memo.Read("done", longLocale);

        Assert.Equal(4, reads);
        Assert.Equal(0, memo.Size);
    }

    [Fact]
    public void Read_AFloodOfDistinctTexts_NeverHoldsMoreThanTheCapacity_AndEveryAnswerIsTheReadingsOwn()
    {
        var memo = new ReadingMemo<int>("test", (text, _) => int.Parse(text));

        for (var i = 0; i < ReadingMemo<int>.Capacity * 3 + 7; i++)
        {
            Assert.Equal(i, memo.Read(i.ToString(), "en"));
            Assert.InRange(memo.Size, 1, ReadingMemo<int>.Capacity);
        }
        // After the flood, a text read again still gets its own answer.
        Assert.Equal(42, memo.Read("42", "en"));
    }

    [Fact]
    public void Read_FromManyThreadsAtOnce_AlwaysGivesTheReadingsAnswer()
    {
        var memo = new ReadingMemo<int>("test", (text, locale) => text.Length * 10 + (locale?.Length ?? 0));
        var texts = Enumerable.Range(0, ReadingMemo<int>.Capacity * 2).Select(i => new string('x', i % 40 + 1) + i).ToArray();

        Parallel.For(0, 8, worker =>
        {
            for (var round = 0; round < 3; round++)
                foreach (var text in texts)
                    Assert.Equal(text.Length * 10 + 5, memo.Read(text, "de-DE"));
        });

        Assert.InRange(memo.Size, 1, ReadingMemo<int>.Capacity);
    }

    [Fact]
    public void Read_WithAListener_CountsEachReadingByWhatTheMemoDid()
    {
        // The meter is process-wide: other tests' readings are told apart by this memo's own reading name.
        var name = "test-" + Guid.NewGuid().ToString("N");
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReadingMemoMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var reading = tags.ToArray().FirstOrDefault(t => t.Key == "reading").Value as string;
            var memo = tags.ToArray().FirstOrDefault(t => t.Key == "memo").Value as string;
            if (reading == name) lock (counted) counted.Add($"{instrument.Name} {memo} {value}");
        });
        listener.Start();
        var memo = new ReadingMemo<int>(name, (text, _) => text.Length);

        memo.Read("yes", "en-US");
        memo.Read("yes", "en-US");
        memo.Read(new string('a', ReadingMemo<int>.MaxTextLength + 1), "en-US");

        Assert.Equal(["closurebot.understanding.readings read 1", "closurebot.understanding.readings remembered 1", "closurebot.understanding.readings too-long 1"],
            counted);
    }
}
