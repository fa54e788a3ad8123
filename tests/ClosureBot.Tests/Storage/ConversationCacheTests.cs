using ClosureBot.Storage;

namespace ClosureBot.Tests.Storage;

/// <summary>The conversation cache holds at most its budget in bytes, keeps what is used, and never serves an older copy.</summary>
public sealed class ConversationCacheTests
{
    private static StoredConversation Entry(string key, string etag = "e", int stateBytes = 2_000, object? parsed = null) =>
        new(key, etag, new byte[stateBytes], parsed);

    [Fact]
    public void Set_TenThousandConversations_StaysWithinTheBudget()
    {
        var cache = new ConversationCache(1024 * 1024);
        for (var i = 0; i < 10_000; i++) cache.Set(Entry($"webchat/{i}", parsed: new object()));

        Assert.InRange(cache.EstimatedBytes, 1, 1024 * 1024);
        Assert.True(cache.TryGet("webchat/9999", out _));
        Assert.False(cache.TryGet("webchat/0", out _));
    }

    [Fact]
    public void DefaultBudget_150CustomersTakingTurns_AreAllServedFromTheCache()
    {
        // The default budget (Storage:CacheMegabytes) with conversations the size of one in progress (about 1,250 bytes of
        // state, parsed): after each customer's first turn, every turn finds its conversation.
        var cache = new ConversationCache(new StorageOptions().CacheMegabytes * 1024L * 1024);
        const int customers = 150;
        for (var i = 0; i < customers; i++) cache.Set(Entry($"webchat/{i}", stateBytes: 1_250, parsed: new object()));

        var misses = 0;
        for (var round = 0; round < 20; round++)
            for (var i = 0; i < customers; i++)
            {
                if (!cache.TryGet($"webchat/{i}", out _)) misses++;
                cache.Set(Entry($"webchat/{i}", $"e{round}", stateBytes: 1_250, parsed: new object()));
            }

        Assert.Equal(0, misses);
    }

    [Fact]
    public void TryGet_AConversationInUse_SurvivesRotations()
    {
        var cache = new ConversationCache(200_000);
        cache.Set(Entry("hot"));
        for (var i = 0; i < 1_000; i++)
        {
            cache.Set(Entry($"cold/{i}"));
            Assert.True(cache.TryGet("hot", out _), $"lost after {i} other conversations");
        }
    }

    [Fact]
    public void Set_ANewerCopyWhileAnOlderIsInTheOldGeneration_ServesOnlyTheNewer()
    {
        var cache = new ConversationCache(100_000);
        cache.Set(Entry("k", "old"));
        for (var i = 0; i < 30; i++) cache.Set(Entry($"other/{i}"));
        cache.Set(Entry("k", "new"));
        for (var i = 30; i < 60; i++) cache.Set(Entry($"other/{i}"));

        if (cache.TryGet("k", out var found)) Assert.Equal("new", found!.ETag);
        cache.Remove("k");
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void Set_AnEntryLargerThanHalfTheBudget_IsNotKept()
    {
        var cache = new ConversationCache(10_000);
        cache.Set(Entry("small", stateBytes: 100));
        cache.Set(Entry("huge", stateBytes: 6_000));

        Assert.False(cache.TryGet("huge", out _));
        Assert.True(cache.TryGet("small", out _));
    }

    [Fact]
    public void Set_WithNoBudget_KeepsNothing()
    {
        var cache = new ConversationCache(0);
        cache.Set(Entry("k", stateBytes: 1));
        Assert.False(cache.TryGet("k", out _));
    }
}
