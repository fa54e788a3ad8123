namespace ClosureBot.LoadTest;

/// <summary>A bot process a row measures: ClosureBot or the SDK peer, on 127.0.0.1, stopped by PID when disposed.</summary>
public interface IBotUnderTest : IAsyncDisposable
{
    Uri Url { get; }
    int Pid { get; }

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp just before the process was started.</summary>
    long StartedAt { get; }
}
