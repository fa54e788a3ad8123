using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Browser;

// Every screen of the web chat flow on a 390 px wide phone viewport, checked with axe-core and by measuring what a
// person taps and sees (webchat-a11y-drive.mjs). Screenshots: tests/artifacts/screenshots/a11y-*.png.
public sealed class WebChatAccessibilityTests
{
    private const int MinTarget = 44;

    private static readonly string[] Screens =
    [
        "closure/welcome", "closure/overview", "closure/account-question", "closure/term-commitment", "closure/step1-retrieve-data",
        "closure/step2-servers", "closure/servers-continue", "closure/step3-services", "closure/services-continue",
        "closure/step4-confirmation", "closure/receipt", "detour/remind-later", "detour/resume-offer", "detour/support-handoff",
    ];

    [Fact]
    public async Task WebChat_EveryScreenOnAPhone_NoSeriousAxeViolationTargetsAtLeast44PxAndCardTitleInView()
    {
        await using var host = new DirectLineTestHost();

        var report = await WebChatDriver.RunScriptAsync("Browser/webchat-a11y-drive.mjs", new JsonObject
        {
            ["baseUrl"] = host.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
            ["locale"] = "en-GB",
        }, "accessibility", TimeSpan.FromMinutes(6));

        var screens = report["screens"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Superset(Screens.ToHashSet(), screens.Select(s => $"{s["walk"]}/{s["name"]}").ToHashSet());
        var problems = new List<string>();
        foreach (var screen in screens)
        {
            var name = $"{screen["walk"]}/{screen["name"]}";
            foreach (var violation in screen["violations"]!.AsArray())
                if ((string?)violation!["impact"] is "serious" or "critical")
                    problems.Add($"{name}: axe {violation["impact"]} {violation["id"]} ({violation["help"]}): {violation["nodes"]!.ToJsonString()}");
            var targets = screen["targets"]!.AsArray();
            Assert.NotEmpty(targets);
            foreach (var target in targets)
                if ((int)target!["width"]! < MinTarget || (int)target["height"]! < MinTarget)
                    problems.Add($"{name}: \"{target["text"]}\" is {target["width"]}×{target["height"]} px, under {MinTarget}×{MinTarget}");
            if ((bool?)screen["card"] == true && screen["title"] is JsonObject title
                && ((int)title["top"]! < 0 || (int)title["bottom"]! > (int)title["viewport"]!))
                problems.Add($"{name}: the card's title \"{title["text"]}\" is out of view (top {title["top"]}, bottom {title["bottom"]}, card {screen["cardHeight"]} px)");
            Assert.True(File.Exists((string)screen["screenshot"]!));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(screens, s => (bool?)s["card"] == true && (int)s["cardHeight"]! > 844 - 200);
        Assert.Empty(report["pageErrors"]!.AsArray());
    }
}
