using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>Screens say each thing once, and say what is true of them.</summary>
public sealed class WordingTests
{
    [Theory]
    [InlineData(OffboardingSteps.Overview)]
    [InlineData(OffboardingSteps.TermCommitment)]
    [InlineData(OffboardingSteps.RetrieveData)]
    [InlineData(OffboardingSteps.DeleteServers)]
    [InlineData(OffboardingSteps.DeleteServices)]
    [InlineData(OffboardingSteps.RequestClose)]
    public async Task CardScreen_Shown_AsksItsQuestionOnce(string screen)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        var shown = await ann.SendAll(Script.To(screen));

        // The card shows the step; the message after it asks the question, which the card does not repeat.
        shown.Asks(Script.Question(screen));
        var card = Assert.Single(shown.Activities, a => a["attachments"] is not null);
        Assert.DoesNotContain(Script.Question(screen), new Replies([card]).Everything);
    }

    [Fact]
    public async Task Welcome_Shown_IsTheCardAlone()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        var welcome = await ann.Send("hello");

        var only = Assert.Single(welcome.Activities);
        Assert.Null((string?)only["text"]);
        welcome.Says("Hi, I'm ClosureBot");
    }

    [Fact]
    public async Task RequestClose_Card_DoesNotPromiseNoConfirmationAboveOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.SendAll(Script.To(OffboardingSteps.RequestClose))).DoesNotSay("no further confirmation").Says("Once you confirm below");
        (await ann.Send("help")).DoesNotSay("no further confirmation");
    }

    [Fact]
    public async Task DeleteServers_OneServerLeft_FallbackTextAgrees()
    {
        await using var app = new BotApplicationFactory();
        app.KeepInInventory("ACME", keepServer: s => (string?)s["name"] == "VA1ACMEWEB01");
        var ann = app.WebChat();

        var card = Assert.Single((await ann.SendAll(Script.To(OffboardingSteps.DeleteServers))).Cards);

        Assert.Contains("1 server remains on ACME and keeps incurring charges", (string?)card["fallbackText"]);
        Assert.DoesNotContain("server(s)", (string?)card["fallbackText"]);
    }
}
