using System.Diagnostics;
using ClosureBot.Handoff.AgentConsole;
using Microsoft.AspNetCore.Identity;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// The documented command, run as a process (the app's own entry point, as `dotnet run -- hash-password` runs it).
public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task HashPassword_PasswordOnStdin_PrintsAHashThePasswordHasherAccepts()
    {
        var (exit, stdout, _) = await RunAsync("correct horse battery staple\n");

        Assert.Equal(0, exit);
        var hash = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var hasher = new PasswordHasher<AgentAccount>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new AgentAccount(), hash, "correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new AgentAccount(), hash, "correct horse battery stapler"));
        Assert.True(AgentCredentials.IsPasswordHash(hash));
    }

    [Fact]
    public async Task HashPassword_NothingOnStdin_FailsWithReasonAndPrintsNoHash()
    {
        var (exit, stdout, stderr) = await RunAsync("");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no password on standard input; nothing was hashed", stderr);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string input)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", typeof(Program).Assembly.Location, HashPasswordCommand.Name])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
