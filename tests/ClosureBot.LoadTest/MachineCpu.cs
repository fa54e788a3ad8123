namespace ClosureBot.LoadTest;

/// <summary>
/// How busy the whole machine's CPUs were over a measured window, from the kernel's counters (<c>/proc/stat</c>): the bot,
/// the generator, the kernel's own threads and anything else running. Near 100 % the CPU is saturated, so a slower row
/// says little about the code; well below it, the turns were waiting on something else (the store's flush, each other).
/// </summary>
public readonly record struct MachineCpu(long BusyTicks, long TotalTicks)
{
    private const string StatPath = "/proc/stat";

    /// <summary>The counters now, or null where the kernel does not offer them (not Linux).</summary>
    public static MachineCpu? Sample()
    {
        try
        {
            using var reader = new StreamReader(StatPath);
            return Parse(reader.ReadLine());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the first line of <c>/proc/stat</c> (<c>cpu  user nice system idle iowait irq softirq steal …</c>, in clock
    /// ticks summed over all CPUs). Idle and waiting for I/O count as not busy; the guest columns are already inside user
    /// and nice. Null for anything else.
    /// </summary>
    public static MachineCpu? Parse(string? line)
    {
        if (line is null) return null;
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu") return null;
        var values = new long[8];
        for (var i = 0; i < values.Length; i++)
            if (!long.TryParse(fields[i + 1], out values[i]) || values[i] < 0) return null;
        var idle = values[3] + values[4];
        var busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7];
        return new MachineCpu(busy, busy + idle);
    }

    /// <summary>The share of the CPUs' time that was busy between two samples (0 to 1), or null when no time passed.</summary>
    public static double? BusyShare(MachineCpu? before, MachineCpu? after)
    {
        if (before is not { } b || after is not { } a) return null;
        var total = a.TotalTicks - b.TotalTicks;
        if (total <= 0) return null;
        return Math.Clamp((a.BusyTicks - b.BusyTicks) / (double)total, 0, 1);
    }
}
