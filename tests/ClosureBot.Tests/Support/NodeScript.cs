using System.ComponentModel;
using System.Diagnostics;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Support;

/// <summary>Starts one of the tests' Node.js scripts (card checks, the Web Chat driver) from the tests folder.</summary>
internal static class NodeScript
{
    public const string InstallHint =
        "Run the test command from the README (bash tests/run.sh), which installs Chromium and the Node packages.";

    /// <param name="script">Path below tests/ClosureBot.Tests, e.g. Cards/card-check.js.</param>
    public static Process Start(string script, IEnumerable<string> arguments, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(RepoPaths.TestsFolder, "ClosureBot.Tests", script), .. arguments])
        {
            WorkingDirectory = RepoPaths.TestsFolder,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Node.js ('node') was not found on the PATH. {InstallHint}", ex);
        }
    }
}
