using ClosureBot.Storage;

namespace ClosureBot.Tests.Storage;

/// <summary>Conversation ETags differ from every other version of a conversation, across threads and across processes.</summary>
public sealed class ETagsTests
{
    [Fact]
    public void New_HandsOutDistinctTagsOfThirtyTwoHexDigits_FromManyThreadsAtOnce()
    {
        var tags = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 25_000; i++) tags.Add(ETags.New());
        });

        Assert.Equal(200_000, tags.Count);
        Assert.Equal(200_000, tags.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tags.Take(1_000), tag => Assert.Matches("^[0-9a-f]{32}$", tag));
    }

    [Fact]
    public void Format_KeepsTwoProcessesApartByTheirPrefix_EvenAtTheSameCount()
    {
        Assert.NotEqual(ETags.Format(0x1234, 7), ETags.Format(0x1235, 7));
        Assert.Equal("0000000000001234" + "0000000000000007", ETags.Format(0x1234, 7));
        Assert.Equal(new string('f', 32), ETags.Format(ulong.MaxValue, ulong.MaxValue));
    }

    [Fact]
    public void New_SharesItsPrefixWithinTheProcess_AndCountsUp()
    {
        var first = ETags.New();
        var second = ETags.New();

        Assert.Equal(first[..16], second[..16]);
        Assert.True(Convert.ToUInt64(second[16..], 16) > Convert.ToUInt64(first[16..], 16));
    }
}
