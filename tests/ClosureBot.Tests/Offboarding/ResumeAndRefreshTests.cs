using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>Remind me later, coming back, check again and stale cards: the figures are always fresh and the place is never lost.</summary>
public class ResumeAndRefreshTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task RemindMeLater_BackInANewConversation_ResumesAtTheSavedStepWithFreshFigures()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send("remind me later"))
            .Says("I've saved your place at Step 2 of 5 — Delete running, stopped and archived servers.");
        app.KeepInInventory("ACME", keepServer: s => (string?)s["state"] == "Running");
        app.Clock!.Advance(TimeSpan.FromDays(2));

        var later = ann.NewConversation();
        var offer = await later.Join();
        offer.Says("Welcome back").Says("On 12 November 2026, 09:30 UTC you were closing ACME and had reached Step 2 of 5")
            .Offers("Yes, resume", "No, start over");
        var resumed = await later.Click(new { action = "yes", step = "resume" });

        resumed.Says("Here we are again, at Step 2 of 5 — Delete running, stopped and archived servers. I've refreshed the figures.")
            // Checked at 09:30 UTC, read where the customer is: the Web Chat payload says Europe/Paris.
            .Says("3 servers remain on ACME:").Says("Checked 14 November 2026, 10:30").DoesNotSay("6 servers remain");
        (await later.Send("done")).Asks("3 servers remain and keep incurring charges");
        (await later.SendAll("yes", "done", "yes", "ACME")).Says("Your closure request for ACME is logged.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal(later.ConversationId, (string?)logged["conversationId"]);
        Assert.Equal(3, (int)logged["remainingResources"]!["servers"]!);
    }

    [Fact]
    public async Task CheckAgain_AccountGoneFromTheInventory_SaysSoAndRequestsNothing()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        app.RemoveFromInventory("ACME");

        (await ann.Send("check again")).Says("I can't find the account ACME any more").Says("Nothing has been requested");
        (await ann.Send("hello")).Says("Hi, I'm ClosureBot");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task RemindMeLaterButton_BackInTheSameConversation_OffersToResume()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Click(new { action = "remind-later", step = "retrieve-data" })).Says("I've saved your place at Step 1 of 5");
        var offer = (await ann.Send("hi again")).Says("Welcome back").Asks("Shall we pick up where you left off?");
        // The card greets; the question under it does not greet again.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(offer.Everything, "Welcome back"));
        (await ann.Send("yes")).Says("Here we are again, at Step 1 of 5").Says("6 servers on ACME may hold data:");
        (await ann.Send("done")).Says("Step 2 of 5");
    }

    [Fact]
    public async Task Resume_DeclinedInANewConversation_StartsOverFromTheOverview()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));
        await ann.Send("later");

        var later = ann.NewConversation();
        (await later.Send("I want to close my account")).Says("Welcome back");
        (await later.Send("no")).Says("All right, let's start from the beginning.").Asks("Shall we start?");
        (await later.Send("yes")).Asks(Script.Question(OffboardingSteps.Account));
    }

    [Fact]
    public async Task Resume_OtherUserInANewConversation_IsNotOffered()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");

        var bob = app.WebChat();
        (await bob.Join()).Says("Hi, I'm ClosureBot").DoesNotSay("Welcome back");
    }

    [Fact]
    public async Task CheckAgain_AfterServersWereDeleted_ShowsFewerServers()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        (await ann.SendAll(Script.To(OffboardingSteps.DeleteServers))).Says("6 servers remain on ACME:").Says("Stopped (1)");

        app.KeepInInventory("ACME", keepServer: s => (string?)s["state"] != "Stopped" && (string?)s["name"] != "VA1ACMEWEB02");
        var refreshed = await ann.Click(new { action = "check-again", step = "delete-servers" });

        refreshed.Says("4 servers remain on ACME:").Says("Running (2)").DoesNotSay("Stopped (1)").DoesNotSay("VA1ACMEWEB02");
        (await ann.Send("done")).Asks("4 servers remain and keep incurring charges");
    }

    [Fact]
    public async Task CheckAgain_NoServersLeft_DoneGoesStraightToStep3()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        app.KeepInInventory("ACME", keepServer: _ => false);
        (await ann.Send("check again")).Says("All clear: no servers remain on ACME.").DoesNotSay("servers remain on ACME:");
        var next = await ann.Send("done");

        next.Says("Step 3 of 5").DoesNotSay("Continue anyway?");
    }

    [Fact]
    public async Task CheckAgain_NoServicesLeft_DoneGoesStraightToStep4()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));

        app.KeepInInventory("ACME", keepService: s => (string?)s["kind"] == "objectStorageBucket");
        (await ann.Send("refresh")).Says("1 service remains on ACME:").Says("Object Storage buckets (1)").Says("acme-backups")
            .DoesNotSay("AppFog applications (1)").DoesNotSay("acme-status-page");
        (await ann.Send("done")).Asks("1 billed service remains and keeps incurring charges. Continue anyway?");
        (await ann.Send("no")).Asks(Script.Question(OffboardingSteps.DeleteServices));

        app.KeepInInventory("ACME", keepService: _ => false);
        (await ann.Send("done")).Says("Step 4 of 5").DoesNotSay("Continue anyway?");
    }

    [Fact]
    public async Task EmptyAccount_DoneAtEachStep_NeverAsksToContinueAnyway()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        await ann.SendAll("I want to close my account", "yes");
        // EMPTY's record says it has no term commitment, so the question is not asked.
        (await ann.Send("EMPTY")).Says("Good news: there are no servers on EMPTY").DoesNotSay("Do you have a cloud term commitment?");
        (await ann.Send("done")).Says("All clear: no servers remain on EMPTY.").Asks("Nothing to delete here: choose Done to go on.")
            .DoesNotSay("Delete your servers").DoesNotSay("Delete them now");
        // Words the step does not read get its own question again, not one about servers being deleted.
        (await ann.Send("hmm")).Asks("Nothing to delete here: choose Done to go on.").DoesNotSay("when your servers are deleted");
        (await ann.Send("done")).Says("Step 3 of 5").Says("All clear: no paid services remain on EMPTY.").Asks("Nothing to remove here: choose Done to go on.")
            .DoesNotSay("Remove these services").DoesNotSay("remove paid services such as");
        (await ann.Send("hmm")).Asks("Nothing to remove here: choose Done to go on.").DoesNotSay("when the services are removed");
        (await ann.Send("done")).Says("Step 4 of 5");
        var receipt = await ann.Send("empty");

        receipt.Says("Your closure request for EMPTY is logged.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal(0, (int)logged["remainingResources"]!["servers"]!);
    }

    [Fact]
    public async Task StaleCard_DoneFromStep1ClickedAtStep2_SaysWhereWeAreAndDoesNotAdvance()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        var stale = await ann.Click(new { action = "done", step = "retrieve-data" });

        stale.Says("That button belongs to an earlier step. We're now at Step 2 of 5 — Delete running, stopped and archived servers.")
            .Asks(Script.Question(OffboardingSteps.DeleteServers)).DoesNotSay("Continue anyway?");
        (await ann.Send("status")).Says("You're at Step 2 of 5");
        (await ann.Click(new { action = "done", step = "delete-servers" })).Asks("6 servers remain");
    }

    [Fact]
    public async Task StaleCard_OverviewYesClickedAtStep4_LogsNothing()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Click(new { action = "yes", step = "overview" })).Says("We're now at Step 4 of 5 — Request to close")
            .Asks(Script.Question(OffboardingSteps.RequestClose));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // A card left from a conversation that got further, or shown before "go back": its button is refused all the same,
    // but it is no earlier step's.
    [Fact]
    public async Task StaleCard_ConfirmFromStep4ClickedAtStep1_SaysItIsForALaterStepAndLogsNothing()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        var stale = await ann.Click(new { action = "confirm-close", step = "request-close", confirmAlias = "ACME" });

        stale.Says("That button is for a later step. We're now at Step 1 of 5 — Retrieve your data.").DoesNotSay("earlier")
            .Asks(Script.Question(OffboardingSteps.RetrieveData));
        (await ann.Send("status")).Says("You're at Step 1 of 5");
        Assert.Empty(await app.ClosureRequestsAsync());
    }
}
