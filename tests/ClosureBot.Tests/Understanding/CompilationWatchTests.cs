using System.Runtime.CompilerServices;
using ClosureBot.Corpus;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// The instrument behind <see cref="FirstMessageTests"/>: it names what the runtime compiles on the measuring thread, and
/// nothing of its own. Its wait for the runtime's events is a spin loop; compiled at the first tier, a loop that spins long
/// enough is recompiled on the spot (on-stack replacement), on the measuring thread, and was once reported by CI as a method
/// the first Spanish message compiled.
/// </summary>
public sealed class CompilationWatchTests
{
    [Fact]
    public void ManyMeasurementsOfNothing_NameNothing()
    {
        using var watch = new CompilationWatch();
        for (var i = 0; i < 300; i++)
        {
            watch.Start();
            var compiled = watch.Stop();
            Assert.True(compiled.Count == 0, $"measurement {i} named {string.Join(", ", compiled)}");
        }
    }

    [Fact]
    public void AMethodCompiledWhileMeasuring_IsNamed()
    {
        using var watch = new CompilationWatch();
        watch.Start();
        CompiledOnFirstCall();
        var compiled = watch.Stop();
        Assert.Contains(compiled, name => name.EndsWith("::" + nameof(CompiledOnFirstCall), StringComparison.Ordinal));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CompiledOnFirstCall() => Environment.ProcessorCount * 7;
}
