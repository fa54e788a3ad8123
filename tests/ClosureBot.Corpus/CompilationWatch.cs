using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClosureBot.Corpus;

/// <summary>
/// Names the methods the runtime compiles on the calling thread while an action runs, from the runtime's own JIT events
/// (<c>MethodJittingStarted</c>). The events arrive on another thread a moment later, so each measurement ends with a
/// marker: a one-instruction dynamic method compiled on this thread, whose event says that every earlier one has come.
/// Compiled work on other threads (tiered recompilation in the background) is not counted.
/// </summary>
public sealed class CompilationWatch : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long JitKeyword = 0x10;
    private const string MarkerPrefix = "compilation-watch-marker-";
    private static readonly TimeSpan MarkerWait = TimeSpan.FromSeconds(10);

    // Field initializers run before the base constructor, which may already call OnEventSourceCreated.
    private readonly long _thread = CurrentOsThreadId();
    private readonly ConcurrentQueue<string> _compiled = new();
    private int _markers;

    public CompilationWatch()
    {
        // The first markers compile what emitting, calling and waiting for a marker needs, before anything is measured.
        Start();
        Stop();
    }

    /// <summary>Starts a measurement: forgets what was compiled on this thread before.</summary>
    public void Start() => Mark();

    /// <summary>Ends a measurement: the methods compiled on this thread since <see cref="Start"/>.</summary>
    public IReadOnlyList<string> Stop() => Mark();

    /// <summary>Compiles a new marker and returns every method compiled on this thread since the previous one.</summary>
    /// <remarks>
    /// Compiled fully optimized once. At the first tier its spin loop was recompiled on this thread once it had spun long
    /// enough (on-stack replacement), and the watch named itself (<c>CompilationWatchTests</c>: 2 of 3 Release runs).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<string> Mark()
    {
        var name = MarkerPrefix + Interlocked.Increment(ref _markers);
        var marker = new DynamicMethod(name, typeof(void), Type.EmptyTypes);
        marker.GetILGenerator().Emit(OpCodes.Ret);
        marker.CreateDelegate<Action>()();
        var compiled = new List<string>();
        // Spins rather than sleeps while it waits, so the measured thread's core is not idle (and cold) when it resumes.
        var spin = new SpinWait();
        var deadline = Stopwatch.GetTimestamp() + (long)(MarkerWait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            while (_compiled.TryDequeue(out var method))
            {
                if (method == name) return compiled;
                if (!method.StartsWith(MarkerPrefix, StringComparison.Ordinal)) compiled.Add(method);
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"The runtime's JIT event for {name} did not arrive within {MarkerWait.TotalSeconds} s.");
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeSource) EnableEvents(source, EventLevel.Verbose, (EventKeywords)JitKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        // MethodJittingStarted_V1: MethodID, ModuleID, MethodToken, MethodILSize, MethodNamespace, MethodName, ...
        if (e.EventName != "MethodJittingStarted_V1" || e.OSThreadId != _thread || e.Payload is not { Count: > 5 } payload) return;
        var name = payload[5] as string ?? "";
        _compiled.Enqueue(name.StartsWith(MarkerPrefix, StringComparison.Ordinal) ? name : $"{payload[4]}::{name}");
    }

    private static long CurrentOsThreadId() =>
        OperatingSystem.IsLinux() ? GetTid() : throw new PlatformNotSupportedException("The compilation watch reads the Linux thread id.");

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();
}
