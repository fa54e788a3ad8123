using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

public partial class HappyPathTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [GeneratedRegex(@"^CLS-20261112-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$")]
    private static partial Regex Reference();

    [Fact]
    public async Task WebChat_TypedHappyPath_LogsClosureRequestAndShowsReceipt()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        (await ann.Send("I want to close my account"))
            .Says("We're sorry to see you go").Asks("Shall we start?");
        (await ann.Send("yes")).Asks("Which account do you want to close? Type its account alias.");
        (await ann.Send("ACME")).Says("Cloud term commitment").Asks("Do you have a cloud term commitment?");
        var step1 = await ann.Send("no");
        step1.Says("Step 1 of 5").Says("6 servers on ACME may hold data:").Says("VA1ACMEWEB01").Asks("When your data is safe, choose Done.");
        Assert.Equal("https://www.ctl.io/service-tasks/", step1.OpenUrl("Request a Service Task (paid)"));
        (await ann.Send("done")).Says("Step 2 of 5").Says("6 servers remain on ACME:").Says("Running (3)").Says("Archived (1)");
        (await ann.Send("done")).Asks("6 servers remain and keep incurring charges until the closure is verified. Continue anyway?");
        (await ann.Send("yes")).Says("Step 3 of 5").Says("Public IP addresses").Says("acme-backups");
        (await ann.Send("done")).Asks("7 billed services remain and keep incurring charges. Continue anyway?");
        (await ann.Send("yes")).Says("Step 4 of 5").Says("Request to close ACME").Asks("Type the account alias ACME to confirm, or \"cancel\".");
        var receipt = await ann.Send("ACME");

        var reference = receipt.Fact("Reference");
        Assert.NotNull(reference);
        Assert.Matches(Reference(), reference);
        receipt.Says($"Your closure request for ACME is logged. Your reference is {reference}.")
            .Says("Step 5 of 5").Says("after 30 November 2026");
        Assert.Equal("ACME", receipt.Fact("Account"));
        Assert.Equal("Ann Customer", receipt.Fact("Requested by"));
        Assert.Equal("6", receipt.Fact("Servers"));

        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal(reference, (string?)logged["reference"]);
        Assert.Equal("ACME", (string?)logged["accountAlias"]);
        Assert.Equal(ann.ConversationId, (string?)logged["conversationId"]);
        Assert.Equal(BotApplicationFactory.Start, DateTimeOffset.Parse((string)logged["createdAt"]!));
        Assert.Equal("webchat", (string?)logged["requester"]!["channelId"]);
        Assert.Equal(ann.UserId, (string?)logged["requester"]!["userId"]);
        Assert.Equal(6, (int)logged["remainingResources"]!["servers"]!);
        Assert.Equal(2, (int)logged["remainingResources"]!["virtualNetwork"]!);
        Assert.False((bool)logged["hasTermCommitment"]!);
        Assert.True((bool)logged["dataRetrievalAcknowledged"]!);
        Assert.Equal("Open", (string?)logged["status"]);
    }

    [Fact]
    public async Task WebChat_CardClicks_LogsClosureRequestLikeTypedWords()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        var overview = await ann.Send("I want to close my account");
        Assert.Contains(overview.SubmitData, d => (string?)d["action"] == "yes" && (string?)d["step"] == "overview");
        await ann.Click(new { action = "yes", step = "overview" });
        var exception = await ann.Send("ACME");
        Assert.Contains(exception.SubmitData, d => (string?)d["action"] == "no" && (string?)d["step"] == "term-commitment");
        var step1 = await ann.Click(new { action = "no", step = "term-commitment" });
        step1.Says("Step 1 of 5").Offers("Done", "I need help", "Remind me later");
        (await ann.Click(new { action = "done", step = "retrieve-data" })).Says("Step 2 of 5").Offers("Done", "Check again");
        (await ann.Click(new { action = "done", step = "delete-servers" })).Asks("Continue anyway?").Offers("Yes", "No");
        (await ann.Click(new { action = "yes" })).Says("Step 3 of 5");
        (await ann.Click(new { action = "done", step = "delete-services" })).Asks("Continue anyway?");
        var step4 = await ann.Click(new { action = "yes" });
        Assert.Contains(step4.SubmitData, d => (string?)d["action"] == "confirm-close" && (string?)d["step"] == "request-close");
        var receipt = await ann.Click(new { action = "confirm-close", step = "request-close", confirmAlias = "ACME" });

        receipt.Says("Your closure request for ACME is logged.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal(receipt.Fact("Reference"), (string?)logged["reference"]);
    }

    [Fact]
    public async Task WebChat_ColloquialAnswers_CompleteTheClosure()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        (await ann.Send("I'd like to close my account")).Asks("Shall we start?");
        (await ann.Send("yep")).Asks("Which account do you want to close?");
        (await ann.Send("acme")).Asks("Do you have a cloud term commitment?");
        (await ann.Send("nope")).Says("Step 1 of 5");
        (await ann.Send("I'm done")).Says("Step 2 of 5");
        (await ann.Send("finished")).Asks("Continue anyway?");
        (await ann.Send("sure")).Says("Step 3 of 5");
        (await ann.Send("all done")).Asks("Continue anyway?");
        (await ann.Send("yes please")).Says("Step 4 of 5");
        var receipt = await ann.Send("acme");

        receipt.Says("Your closure request for ACME is logged.");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Teams_TypedHappyPath_LogsRequestForTheTeamsUser()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.Teams();

        var receipt = await ann.SendAll(Script.HappyPath);

        receipt.Says("Your closure request for ACME is logged.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal("msteams", (string?)logged["requester"]!["channelId"]);
        Assert.Equal(ann.UserId, (string?)logged["requester"]!["userId"]);
        Assert.Equal(ann.ConversationId, (string?)logged["conversationId"]);
        Assert.Equal(receipt.Fact("Reference"), (string?)logged["reference"]);
    }

    [Fact]
    public async Task Teams_CardClicks_ReachStep2()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.Teams();

        (await ann.Send("close my account")).Asks("Shall we start?");
        (await ann.Click(new { action = "yes", step = "overview" })).Asks("Which account do you want to close?");
        await ann.Send("ACME");
        (await ann.Click(new { action = "no", step = "term-commitment" })).Says("Step 1 of 5");
        (await ann.Click(new { action = "done", step = "retrieve-data" })).Says("Step 2 of 5").Says("6 servers remain on ACME:");
    }

    [Fact]
    public async Task WebChat_Joining_WelcomesWithStartAndSupportButtons()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        var welcome = await ann.Join();

        welcome.Says("Hi, I'm ClosureBot").Offers("Start account closure", "Talk to support");
        (await ann.Click(new { action = "start", step = "welcome" })).Asks("Shall we start?");
    }

    [Fact]
    public async Task WebChat_SomethingElse_GetsTheWelcomeNotTheClosure()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        var welcome = await ann.Send("what's the weather like?");

        welcome.Says("I can walk you through closing your cloud account").DoesNotSay("Shall we start?");
    }

    [Fact]
    public async Task Overview_AnsweredNo_EndsWithNothingRequested()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        await ann.Send("I want to close my account");
        (await ann.Send("no")).Says("nothing on your account has changed");
        (await ann.Send("hello")).Says("Hi, I'm ClosureBot").DoesNotSay("Welcome back");
        Assert.Empty(await app.ClosureRequestsAsync());
    }
}
