using System.Diagnostics;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Deploy;

// Runs a command from the repository root the way the README tells a developer to (python3 deploy/teams/…, node …).
public static class DeployScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, params string[] arguments) =>
        RunInAsync(RepoPaths.Root, Limit, fileName, arguments);

    /// <summary>Runs a command in <paramref name="folder"/>, killed (with its children) after <paramref name="limit"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunInAsync(string folder, TimeSpan limit, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds} s.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs <c>python3 deploy/teams/package.py</c> and returns the zip it wrote into <paramref name="folder"/>.</summary>
    public static async Task<string> PackageAsync(string folder, string botId, string domain, params string[] more)
    {
        var zip = Path.Combine(folder, "closurebot-teams.zip");
        var (exit, _, error) = await RunAsync("python3", ["deploy/teams/package.py", "--bot-id", botId, "--domain", domain, "--out", zip, .. more]);
        Assert.True(exit == 0, $"package.py failed (exit {exit}): {error}");
        return zip;
    }
}
