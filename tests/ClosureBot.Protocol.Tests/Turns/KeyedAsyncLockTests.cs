using ClosureBot.Protocol.Turns;

namespace ClosureBot.Protocol.Tests.Turns;

public class KeyedAsyncLockTests
{
    [Fact]
    public async Task AcquireAsync_SameKeyHeld_SecondWaitsUntilFirstReleased()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("c1", CancellationToken.None);

        var second = locks.AcquireAsync("c1", CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        first.Dispose();
        using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, locks.ActiveKeys);
    }

    [Fact]
    public async Task AcquireAsync_DifferentKeys_BothHeldAtOnce()
    {
        var locks = new KeyedAsyncLock();
        using var first = await locks.AcquireAsync("c1", CancellationToken.None);

        var second = locks.AcquireAsync("c2", CancellationToken.None).AsTask();

        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal(2, locks.ActiveKeys);
        (await second).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_ThreeWaiters_GrantedOneAtATime()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("c1", CancellationToken.None);
        var second = locks.AcquireAsync("c1", CancellationToken.None).AsTask();
        var third = locks.AcquireAsync("c1", CancellationToken.None).AsTask();

        first.Dispose();
        var granted = await Task.WhenAny(second, third).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(second.IsCompleted && third.IsCompleted);
        (await granted).Dispose();
        var last = await (granted == second ? third : second).WaitAsync(TimeSpan.FromSeconds(10));
        last.Dispose();
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task Dispose_LastHolder_RemovesEntry()
    {
        var locks = new KeyedAsyncLock();
        var held = await locks.AcquireAsync("c1", CancellationToken.None);
        Assert.Equal(1, locks.ActiveKeys);

        held.Dispose();

        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnlyOnce()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("c1", CancellationToken.None);
        first.Dispose();
        var second = await locks.AcquireAsync("c1", CancellationToken.None);

        first.Dispose();
        var third = locks.AcquireAsync("c1", CancellationToken.None).AsTask();

        Assert.False(third.IsCompleted);
        second.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndReleasesItsReference()
    {
        var locks = new KeyedAsyncLock();
        var held = await locks.AcquireAsync("c1", CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("c1", cts.Token).AsTask();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, locks.ActiveKeys);
        held.Dispose();
        Assert.Equal(0, locks.ActiveKeys);
        // The lock is still usable: the cancelled waiter did not take or leak the semaphore.
        using var again = await locks.AcquireAsync("c1", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AcquireAsync_AlreadyCancelled_ThrowsAndLeavesNoEntry()
    {
        var locks = new KeyedAsyncLock();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await locks.AcquireAsync("c1", new CancellationToken(true)));

        Assert.Equal(0, locks.ActiveKeys);
    }
}
