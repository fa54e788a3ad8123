using System.Diagnostics;

namespace ClosureBot.LoadTest.Tests;

// The load command as a person (SIGINT) or a supervisor (SIGTERM) stops it: a signal in the middle of a row must end it
// soon, with the bot it started stopped and its temporary database, inventory and test CA removed (LoadStop). Before, it
// ran to its end.
public sealed class LoadStopTests
{
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Signal_DuringARow_StopsTheBotRemovesItsFilesAndExitsWithItsCode(string signal, int exitCode)
    {
        var command = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "ClosureBot.LoadTest.dll"), "--start", "--customers", "1",
                "--warmup", "120", "--duration", "60", "--bot-dll", Builds.BotDll(),
            },
        };
        // SQLite alone: a PostgreSQL server the test run provides would add a row of its own.
        command.Environment.Remove(LoadOptions.PostgresVariable);
        using var load = Process.Start(command)!;
        var output = load.StandardOutput.ReadToEndAsync();
        var errors = load.StandardError.ReadToEndAsync();
        Child? bot = null;
        List<string> files = [];
        try
        {
            bot = await BotOfAsync(load.Id, TimeSpan.FromSeconds(60));
            Assert.NotNull(bot);
            files = bot.Files();
            Assert.Equal(3, files.Count); // the database, the inventory, the test CA
            // Into the row: the bot has made its database and answers the customer's turns.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.False(load.HasExited);
            Assert.All(files, file => Assert.True(File.Exists(file), file));

            // A command started with SIGINT ignored (a script's background job, as CI's test run starts this one) keeps
            // it ignored, as programs do: then SIGINT must change nothing, and SIGTERM still stops it.
            if (signal == "INT" && Ignores(load.Id, signal: 2))
            {
                Signal("INT", load.Id);
                await Task.Delay(TimeSpan.FromSeconds(3));
                Assert.False(load.HasExited);
                (signal, exitCode) = ("TERM", 143);
            }
            Signal(signal, load.Id);

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await load.WaitForExitAsync(limit.Token);
            Assert.Equal(exitCode, load.ExitCode);
            Assert.Contains($"Stopped by SIG{signal}", await errors);
            // No figures for the row cut short: nothing after the table's header.
            var lines = (await output).Split('\n');
            var header = Array.FindIndex(lines, line => line.Contains("customers", StringComparison.Ordinal) && line.Contains("turns/s", StringComparison.Ordinal));
            Assert.True(header >= 0, await output);
            Assert.All(lines.Skip(header + 1), line => Assert.True(string.IsNullOrWhiteSpace(line), line));
            Assert.False(Directory.Exists($"/proc/{bot.Pid}"), "the bot is still running");
            Assert.All(files, file => Assert.False(File.Exists(file), file));
            Assert.All(files.Where(f => f.EndsWith(".db", StringComparison.Ordinal)), db =>
                Assert.False(File.Exists(db + "-wal") || File.Exists(db + "-shm"), db));
        }
        finally
        {
            // Whatever a failure left: the processes, then their files.
            if (!load.HasExited) load.Kill(entireProcessTree: true);
            if (bot is not null && Directory.Exists($"/proc/{bot.Pid}")) Signal("KILL", bot.Pid);
            await load.WaitForExitAsync();
            foreach (var file in files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" })) File.Delete(file);
        }
    }

    // Whether the process ignores the signal, from the kernel's mask of ignored signals (bit n-1 for signal n).
    private static bool Ignores(int pid, int signal)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // The bot the load command started: a process whose parent it is, running ClosureBot.dll.
    private static async Task<Child?> BotOfAsync(int parent, TimeSpan limit)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                    // pid (comm) state ppid …: the command's name may hold spaces, so read after its closing bracket.
                    var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                    if (ppid != parent) continue;
                    var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                    if (!arguments.Any(a => a.EndsWith("ClosureBot.dll", StringComparison.Ordinal))) continue;
                    return new Child(pid, arguments, File.ReadAllText(Path.Combine(folder, "environ")).Split('\0'));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A process that ended while it was read.
                }
            }
            await Task.Delay(200);
        }
        return null;
    }

    private sealed record Child(int Pid, string[] Arguments, string[] Environment)
    {
        public List<string> Files() =>
        [
            .. Arguments.Select(a => After(a, "--Storage:ConnectionString=Data Source=")).OfType<string>(),
            .. Arguments.Select(a => After(a, "--Inventory:FilePath=")).OfType<string>(),
            .. Environment.Select(e => After(e, "SSL_CERT_FILE=")).OfType<string>(),
        ];

        private static string? After(string text, string prefix) =>
            text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
    }
}
