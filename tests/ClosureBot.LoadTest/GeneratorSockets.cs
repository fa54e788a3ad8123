using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>
/// The generator's socket completions run on the I/O thread that saw them, as the bot's do (its
/// <c>Hosting:InlineSocketCompletions</c>): a customer's work between two turns is a check of the reply and the next
/// request written into a reused buffer, far shorter than the hop to a thread-pool worker and back. Measured at 32
/// customers against one running bot: 34–35 µs of the generator's CPU a turn against 45–59, 0.03 futex calls a turn
/// against 4.8 and 0.47 context switches against 3.8 (MEASUREMENTS.md, thirty-second measurement). Nothing in the
/// generator blocks on a socket: its turns, health checks and PostgreSQL commands are all asynchronous.
/// </summary>
/// <remarks>
/// The runtime reads <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> when the process's first socket opens, so
/// <see cref="InlineCompletions"/> runs first in <c>Program</c>. A value the operator set wins. Processes the generator
/// starts (the bots, their seed command, the peer, npm) get the environment the operator gave the generator, not this
/// setting: a bot started with <c>--bot-arg Hosting:InlineSocketCompletions=false</c> must not have it switched back on.
/// </remarks>
public static class GeneratorSockets
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Whether this process set <see cref="Variable"/> itself.</summary>
    public static bool SetHere { get; private set; }

    public static void InlineCompletions() => SetHere = Apply(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);

    /// <summary>Sets <see cref="Variable"/> to 1 unless it is set; whether it set it.</summary>
    public static bool Apply(Func<string, string?> get, Action<string, string?> set)
    {
        if (get(Variable) is not null) return false;
        set(Variable, "1");
        return true;
    }

    public static void KeepFrom(ProcessStartInfo start) => KeepFrom(start, SetHere);

    /// <summary>Removes <see cref="Variable"/> from a child's environment when the generator set it (<paramref name="setHere"/>).</summary>
    public static void KeepFrom(ProcessStartInfo start, bool setHere)
    {
        if (setHere) start.Environment.Remove(Variable);
    }
}
