using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Browser;

// Where the transcript stands when step 1's card, taller than a phone's transcript, answers the customer
// (webchat-scroll-drive.mjs). Screenshots: tests/artifacts/screenshots/scroll-*.png.
public sealed class WebChatScrollTests
{
    [Fact]
    public async Task WebChat_LongCardOnAPhone_TitleComesBackAfterAStrayScrollToTheEnd_APersonsOwnScrollIsKept_AReloadStopsAtTheLastCardsTitle()
    {
        await using var host = new DirectLineTestHost();

        var report = await WebChatDriver.RunScriptAsync("Browser/webchat-scroll-drive.mjs", new JsonObject
        {
            ["baseUrl"] = host.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
            ["locale"] = "en-GB",
        }, "scroll", TimeSpan.FromMinutes(3));

        Assert.Empty(report["pageErrors"]!.AsArray());
        var walks = report["walks"]!;

        // Scrolled to the end by script, as Web Chat does when its snap loses the race: the title was out of view (read in
        // the frame of the script's scroll), and comes back to the top of the transcript.
        var stray = walks["stray"]!;
        Assert.Equal("Step 1 of 5", (string?)stray["title"]);
        Assert.True((int)stray["cardHeight"]! > (int)stray["viewBottom"]! - (int)stray["viewTop"]!, $"The card fits the transcript: {stray}");
        Assert.True((int)stray["atTheEnd"]!["titleTop"]! < (int)stray["atTheEnd"]!["viewTop"]!, $"The script did not scroll past the title: {stray}");
        Assert.InRange((int)stray["titleTop"]!, (int)stray["viewTop"]!, (int)stray["viewTop"]! + 60);

        // The person's own scroll (the wheel, 300 px down towards the card's buttons) is where the transcript stays.
        var person = walks["person"]!;
        var before = person["beforeScrolling"]!;
        Assert.InRange((int)before["titleTop"]!, (int)before["viewTop"]!, (int)before["viewTop"]! + 60);
        Assert.True((int)person["scrollTop"]! >= (int)before["scrollTop"]! + 100, $"The wheel did not scroll: {person}");
        Assert.True((int)person["titleTop"]! < (int)person["viewTop"]!, $"The person's scroll was undone: {person}");

        // Reloaded, the history replays and stops, as a reply would, at the title of its last card (step 1), not at an
        // older card.
        var reload = walks["reload"]!;
        Assert.Equal("Step 1 of 5", (string?)reload["title"]);
        Assert.Equal(4, (int)reload["cards"]!);
        Assert.InRange((int)reload["titleTop"]!, (int)reload["viewTop"]!, (int)reload["viewTop"]! + 60);
    }
}
