using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// The welcome asks whether to start or talk to support: a plain answer to that question is read as one, instead of the
/// welcome being shown again.
/// </summary>
public sealed class AtTheWelcomeTests
{
    [Theory]
    [InlineData("ok let's do it")]
    [InlineData("yes please")]
    [InlineData("sure, go ahead")]
    public async Task Yes_ToTheWelcome_StartsTheClosure(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        (await ann.Join()).Offers("Start account closure", "Talk to support");

        (await ann.Send(answer)).Says("sorry to see you go").DoesNotSay("Hi, I'm ClosureBot").Asks(Script.Question(OffboardingSteps.Overview));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("no thanks, not now")]
    public async Task No_ToTheWelcome_LeavesTheDoorOpenWithoutRepeatingIt(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Join();

        var replies = await ann.Send(answer);

        replies.Says("close my account").DoesNotSay("Hi, I'm ClosureBot").DoesNotSay("sorry to see you go");
        Assert.Empty(replies.Cards);
        // The door stays open: asking later starts the closure.
        (await ann.Send("I want to close my account")).Asks(Script.Question(OffboardingSteps.Overview));
    }

    [Fact]
    public async Task Yes_WithoutAWelcomeShown_IsNotTakenAsConsent()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        // The first thing in the conversation: nothing was asked, so "yes" is answered with the welcome, not a closure.
        (await ann.Send("yes")).Says("Hi, I'm ClosureBot").DoesNotSay("sorry to see you go");
    }

    [Fact]
    public async Task Yes_AfterAClosureEnded_DoesNotStartAnother()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Join();
        await ann.SendAll("close my account", "yes", "ACME", "yes");   // a term commitment: the flow ends with sales

        (await ann.Send("yes")).DoesNotSay("sorry to see you go");
    }

    [Theory]
    [InlineData("de-DE", "ja, gerne", "Schade, dass Sie gehen")]
    [InlineData("es-ES", "vale, empecemos", "Lamentamos que se vaya")]
    public async Task Yes_ToTheWelcome_InTheCustomersLanguage(string locale, string answer, string overview)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        await chat.Client.Join();

        (await chat.Send(answer)).Says(overview);
    }
}
