using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>The account is named by its alias twice: to choose it, and to confirm the request at step 4.</summary>
public sealed class AccountAliasTests
{
    [Fact]
    public async Task Account_WrongAliasThenRightOne_CarriesOn()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        (await ann.Send("ACMEE")).Says("Did you mean ACME?").Offers("ACME")
            .Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("ACME")).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task Account_ThreeUnknownAliases_OffersSupport()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        await ann.Send("NOPE1");
        (await ann.Send("NOPE2")).DoesNotSay("I'm having trouble understanding");
        (await ann.Send("NOPE3")).Says("I'm having trouble understanding").Offers("Talk to support").Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("ACME")).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task Confirmation_WrongAliasThenRightOne_LogsOnlyAfterTheRightOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Send("INIT")).Says("That doesn't match ACME, so nothing has been requested.")
            .Asks(Script.Question(OffboardingSteps.RequestClose));
        Assert.Empty(await app.ClosureRequestsAsync());

        (await ann.Send("ACME")).Says("Your closure request for ACME is logged.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal("ACME", (string?)logged["accountAlias"]);
    }

    [Fact]
    public async Task Confirmation_WrongAliasInTheCard_LogsNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Click(new { action = "confirm-close", step = "request-close", confirmAlias = "ACM" }))
            .Says("That doesn't match ACME, so nothing has been requested.");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Confirmation_ThreeWrongAliases_OffersSupportAndLogsNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        await ann.SendAll("yes", "ok");
        (await ann.Send("confirm")).Says("I'm having trouble understanding").Asks(Script.Question(OffboardingSteps.RequestClose));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task TermCommitment_YesWhenTheRecordDoesNotKnow_SendsToSalesAndLogsNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        await ann.SendAll("I want to close my account", "yes");
        (await ann.Send("ACME")).Says("Cloud term commitment").Asks("Do you have a cloud term commitment?");
        var answer = await ann.Send("yes");

        answer.Says("please contact them and they will execute a terminate service order for you")
            .Says("sales representative").Says("I haven't requested anything").Offers("Talk to support");
        Assert.Empty(await app.ClosureRequestsAsync());
        // The conversation is over: the next message is a new start, not step 1.
        (await ann.Send("done")).Says("Hi, I'm ClosureBot").DoesNotSay("Step 1 of 5");
        (await ann.NewConversation().Send("hi")).DoesNotSay("Welcome back");
    }
}
