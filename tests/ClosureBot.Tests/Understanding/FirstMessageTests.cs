using System.Text.RegularExpressions;
using ClosureBot.Tests.Deploy;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// Issue 12: a customer's first message in a language does not pay for compiling the readers' code; what is built on
/// first use (the interpreted yes/no patterns) the warm-up builds, and the corpus command's timings show the rest. The corpus command, in a process of its own, warms the readers as the app does at start-up and
/// names the methods the runtime compiled while it read each language's first message of a measured part. The test
/// build is not ReadyToRun, so every method is compiled on first use here, as in the <c>dotnet build</c> output.
/// </summary>
public sealed partial class FirstMessageTests
{
    private static readonly string[] Languages = ["en", "es", "fr", "de", "pt"];

    [Theory]
    [InlineData("held-out")]
    [InlineData("fresh")]
    public async Task FirstMessageOfEachLanguage_AfterTheAppsWarmUp_CompilesNothing(string part)
    {
        // Before the warm-up had intent samples in each language, the first Spanish, French and German held-out
        // messages each compiled their start pattern's matching code (2-4 ms).
        var compiled = await CompiledWhileReadingFirstMessagesAsync(part, "warm", "watch");

        Assert.Equal(Languages, compiled.Keys);
        foreach (var (language, methods) in compiled)
            Assert.True(methods.Count == 0, $"{language}: the first message compiled {string.Join(", ", methods)}");
    }

    [Fact]
    public async Task FirstMessage_WithoutWarmUp_CompilesWhatItReads()
    {
        // The watch sees compilation when there is some: without the warm-up the process's first message (English)
        // compiles the readers. The intent tables are interpreted patterns, so a first Spanish, French, German or
        // Portuguese message after it may compile nothing of its own (it did, 2-4 ms, when each language's patterns were
        // generated code).
        var compiled = await CompiledWhileReadingFirstMessagesAsync("held-out", "watch");

        Assert.Equal(Languages, compiled.Keys);
        Assert.True(compiled["en"].Count > 0, "en: the process's first message compiled nothing without a warm-up");
    }

    private static async Task<Dictionary<string, List<string>>> CompiledWhileReadingFirstMessagesAsync(string part, params string[] options)
    {
        var (exitCode, output, errors) = await DeployScript.RunInAsync(AppContext.BaseDirectory, TimeSpan.FromMinutes(3),
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "ClosureBot.Corpus.dll"), part, .. options]);
        Assert.True(exitCode == 0, $"corpus command exited {exitCode}: {errors}");

        var compiled = new Dictionary<string, List<string>>();
        var counts = new Dictionary<string, int>();
        List<string>? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (FirstMessageLine().Match(line) is { Success: true } first)
            {
                var language = first.Groups["language"].Value;
                compiled[language] = current = [];
                counts[language] = int.Parse(first.Groups["count"].Value);
            }
            else if (current is not null && line.StartsWith("      ", StringComparison.Ordinal)) current.Add(line.Trim());
            else current = null;
        }
        // Each count is followed by the names it counts.
        foreach (var (language, methods) in compiled) Assert.Equal(counts[language], methods.Count);
        return compiled;
    }

    [GeneratedRegex(@"^  (?<language>[a-z]{2}): first +\d+ µs, tenth +\d+ µs, methods compiled while reading the first: (?<count>\d+)")]
    private static partial Regex FirstMessageLine();
}
