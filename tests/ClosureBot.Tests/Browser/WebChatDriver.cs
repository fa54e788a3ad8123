using System.Diagnostics;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Browser;

// Runs the browser scripts (playwright-core + Debian's /usr/bin/chromium) against a running app and returns their reports.
public static class WebChatDriver
{
    private const string InstallHint = NodeScript.InstallHint;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    public static string ScreenshotFolder => Path.Combine(RepoPaths.TestsFolder, "artifacts", "screenshots");

    public static async Task<JsonObject> RunAsync(Uri baseAddress, string transport, string scenario, string locale = "en-GB", string? assertion = null)
    {
        var options = new JsonObject
        {
            ["baseUrl"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["transport"] = transport,
            ["scenario"] = scenario,
            ["screenshotDir"] = ScreenshotFolder,
            ["locale"] = locale,
            ["assertion"] = assertion,
        };
        return await RunScriptAsync("Browser/webchat-drive.mjs", options, $"{scenario}/{transport}");
    }

    /// <summary>Runs a browser script of this folder with <paramref name="options"/> and returns its report, which must say ok.</summary>
    public static async Task<JsonObject> RunScriptAsync(string script, JsonObject options, string description, TimeSpan? limit = null)
    {
        if (!File.Exists("/usr/bin/chromium")) throw new InvalidOperationException($"Chromium is not installed at /usr/bin/chromium. {InstallHint}");
        if (!Directory.Exists(Path.Combine(RepoPaths.TestsFolder, "node_modules", "playwright-core")))
            throw new InvalidOperationException($"The Node package 'playwright-core' is missing from tests/node_modules. {InstallHint}");
        var process = NodeScript.Start(script, [options.ToJsonString()]);
        using (process)
        using (var timeout = new CancellationTokenSource(limit ?? Limit))
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The browser scenario {description} did not finish within {(limit ?? Limit).TotalSeconds} s.");
            }
            var output = await stdout;
            if (process.ExitCode != 0 || output.Length == 0)
                throw new InvalidOperationException($"{Path.GetFileName(script)} failed (exit {process.ExitCode}): {await stderr}");
            var report = JsonNode.Parse(output)!.AsObject();
            Assert.True((bool?)report["ok"] == true, $"The browser scenario {description} failed: {report["error"]}\nReport: {report}");
            return report;
        }
    }
}
