using System.Runtime.InteropServices;

namespace ClosureBot.LoadTest;

/// <summary>
/// SIGINT and SIGTERM end the command early and cleanly: the customers stop after their turn under way, and the command
/// stops every process it started and removes its temporary databases and files through the same disposals as at a
/// normal end, prints no figures for the row cut short, and exits with 128 and the signal's number (130, 143). Without
/// this the runtime let the command run to its end. A second signal ends the command at once.
/// </summary>
public static class LoadStop
{
    private static readonly CancellationTokenSource Source = new();
    private static readonly Lock Gate = new();
    private static PosixSignal? _signal;

    public static bool Requested => Source.IsCancellationRequested;

    /// <summary>Listens for both signals until disposed.</summary>
    public static IDisposable Listen() => new Registrations(
        PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));

    /// <summary>Throws <see cref="OperationCanceledException"/> once a signal asked the command to stop.</summary>
    public static void ThrowIfRequested() => Source.Token.ThrowIfCancellationRequested();

    /// <summary>Waits <paramref name="delay"/>, or less if a signal asks the command to stop meanwhile.</summary>
    public static async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, Source.Token);
        }
        catch (OperationCanceledException) when (Requested)
        {
        }
    }

    /// <summary>Says why the command stopped and returns its exit code: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int Stopped()
    {
        var signal = _signal ?? PosixSignal.SIGTERM;
        Console.Error.WriteLine($"Stopped by {signal}: the processes this command started are stopped and its temporary files removed.");
        return signal == PosixSignal.SIGINT ? 130 : 143;
    }

    private static void Handle(PosixSignalContext context)
    {
        lock (Gate)
        {
            // The second signal takes the runtime's own way: the command ends at once.
            if (_signal is not null) return;
            _signal = context.Signal;
        }
        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: stopping after the turns under way (a second signal ends the command at once).");
        Source.Cancel();
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
