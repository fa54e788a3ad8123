using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage;

/// <summary>Nothing is lost and nothing happens twice: redeliveries, simultaneous turns, restarts and several instances.</summary>
public class DurabilityTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Redelivery_SameActivityIdTwice_IsProcessedOnce()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        var done = ann.Message("done", null);
        (await ann.Deliver(done)).Says("Step 2 of 5");
        var again = await ann.Deliver(done);

        // The redelivery is answered from the outbox (the same replies), not by a second turn.
        again.Says("Step 2 of 5").DoesNotSay("Continue anyway?");
        (await ann.Send("status")).Says("You're at Step 2 of 5");
        (await ann.Send("done")).Asks("6 servers remain");
    }

    [Fact]
    public async Task Redelivery_OfTheConfirmation_LogsOneRequestAndTheSameReceiptTwice()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        var confirm = ann.Message("ACME", null);
        var both = await Task.WhenAll(ann.Deliver(confirm), ann.Deliver(confirm));

        // Both get the one receipt: the second delivery is answered with the stored replies of the first.
        Assert.All(both, r => r.Says("Your closure request for ACME is logged."));
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.All(both, r => Assert.Equal((string?)logged["reference"], r.Fact("Reference")));
    }

    [Fact]
    public async Task SimultaneousTurns_SameConversation_BothAnswersCountInOrder()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        var replies = await Task.WhenAll(ann.Send("done"), ann.Send("done"));

        // One "done" finished step 1, the other step 2: each saw the state the other left.
        Assert.Single(replies, r => r.Everything.Contains("Step 2 of 5") && !r.Everything.Contains("Continue anyway?"));
        Assert.Single(replies, r => r.Everything.Contains("6 servers remain and keep incurring charges") && !r.Everything.Contains("Step 2 of 5"));
        (await ann.Send("yes")).Says("Step 3 of 5");
    }

    [Fact]
    public async Task SimultaneousTurns_TwoAppInstancesOnOneDatabase_NoUpdateIsLost()
    {
        await using var first = new BotApplicationFactory(storage: Storage);
        await using var second = first.SharingStorageWith();
        var viaFirst = first.WebChat();
        await viaFirst.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var viaSecond = viaFirst.Via(second.CreateClient());
        (await viaSecond.Send("status")).Says("You're at Step 1 of 5"); // the second instance has read (and cached) the conversation

        var replies = await Task.WhenAll(viaFirst.Send("done"), viaSecond.Send("done"));

        Assert.Single(replies, r => r.Everything.Contains("Step 2 of 5") && !r.Everything.Contains("Continue anyway?"));
        Assert.Single(replies, r => r.Everything.Contains("6 servers remain and keep incurring charges"));
        (await viaFirst.Send("yes")).Says("Step 3 of 5");
        (await viaSecond.Send("status")).Says("You're at Step 3 of 5");
    }

    [Fact]
    public async Task Restart_NewAppInstanceOnTheSameDatabase_ContinuesMidWay()
    {
        await using var before = new BotApplicationFactory(storage: Storage);
        var ann = before.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        await using var after = before.SharingStorageWith();
        var resumed = ann.Via(after.CreateClient());
        (await resumed.Send("done")).Asks("6 servers remain and keep incurring charges");
        (await resumed.SendAll("yes", "done", "yes", "ACME")).Says("Your closure request for ACME is logged.");

        Assert.Single(await after.ClosureRequestsAsync());
        Assert.Single(await before.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Restart_BeforeTheFirstInstanceStops_ItsStaleCacheLosesNothing()
    {
        await using var first = new BotApplicationFactory(storage: Storage);
        await using var second = first.SharingStorageWith();
        var ann = first.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Via(second.CreateClient()).Send("done")).Says("Step 2 of 5");
        // Back on the first instance, which still holds the conversation as it was at step 1.
        (await ann.Send("done")).Asks("6 servers remain");
    }

    [Fact]
    public async Task ClosureRequest_SameCustomerInASecondConversation_GetsTheExistingReference()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();

        var first = (await ann.SendAll(Script.HappyPath)).Fact("Reference");
        var second = await ann.NewConversation().SendAll(Script.HappyPath);

        Assert.NotNull(first);
        Assert.Equal(first, second.Fact("Reference"));
        second.Says($"Your reference is {first}.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal(ann.ConversationId, (string?)logged["conversationId"]);
        Assert.Empty(logged["alsoRequestedBy"]!.AsArray());
    }

    [Fact]
    public async Task ClosureRequest_SecondRequester_LearnsOnlyThatOneExistsAndIsRecordedAgainstIt()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        var bob = app.Teams();

        var first = (await ann.SendAll(Script.HappyPath)).Fact("Reference");
        var second = await bob.SendAll(Script.HappyPath);

        second.Says("A request to close ACME already exists, since 12 November 2026.").Says("I've added your request to it")
            .DoesNotSay(first!).DoesNotSay("Ann");
        Assert.Null(second.Fact("Reference"));
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal(ann.ConversationId, (string?)logged["conversationId"]);
        var also = Assert.Single(logged["alsoRequestedBy"]!.AsArray())!;
        Assert.Equal(bob.UserId, (string?)also["requester"]!["userId"]);
        Assert.Equal("msteams", (string?)also["requester"]!["channelId"]);
        Assert.Equal(bob.ConversationId, (string?)also["conversationId"]);
        Assert.Equal(BotApplicationFactory.Start, DateTimeOffset.Parse((string)also["requestedAt"]!));
    }

    [Fact]
    public async Task ClosureRequest_TwoConversationsConfirmAtOnce_OneRequestOneReference()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        var bob = app.WebChat();
        await Task.WhenAll(ann.SendAll(Script.To(OffboardingSteps.RequestClose)), bob.SendAll(Script.To(OffboardingSteps.RequestClose)));

        var receipts = await Task.WhenAll(ann.Send("ACME"), bob.Send("ACME"));

        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        var reference = (string?)logged["reference"];
        Assert.Single(receipts, r => r.Fact("Reference") == reference);
        Assert.Single(receipts, r => r.Fact("Reference") is null && r.Everything.Contains("A request to close ACME already exists"));
        Assert.Single(logged["alsoRequestedBy"]!.AsArray());
    }
}
