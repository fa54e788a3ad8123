using ClosureBot.Localization;
using System.Text.Json.Nodes;
using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary>
/// <c>handoff.status</c> is honoured from a channel <c>Support:HandoffStatusChannels</c> lists when the Bot Connector's
/// channel token proved the request; from anywhere else (the embedded Direct Line, a channel not listed, a request without
/// a channel token) it is answered and changes nothing. A forged agent event does nothing either.
/// </summary>
public class HandoffStatusTests
{
    private const string StatusChannelsKey = "Support:HandoffStatusChannels:0";

    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Status_Accepted_BotFallsSilentAndMessagesGoToTheQueue()
    {
        await using var connector = await ConnectorChannel.StartAsync();
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage, connector);
        var ann = connector.Customer(app);
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));
        await ann.Send("talk to support");

        (await ann.Deliver(Status(ann, "accepted"))).Says("You're now talking to a person from support.");

        Assert.Equal(0, (await ann.Send("done")).Count);
        Assert.Equal(0, (await ann.Send("hello?")).Count);
        var ticket = await app.TicketOfAsync(ann.ConversationId);
        Assert.Equal(HandoffStatus.Held, ticket.Status);
        var found = await app.Desk().FindAsync(ticket.Id, CancellationToken.None);
        Assert.Equal(["done", "hello?"], found!.Transcript.Where(m => m.From == "customer").Select(m => m.Text).TakeLast(2));
    }

    [Fact]
    public async Task Status_Failed_ApologisesAndCarriesOnWhereTheCustomerWas()
    {
        await using var connector = await ConnectorChannel.StartAsync();
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage, connector);
        var ann = connector.Customer(app);
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        await ann.Send("talk to support");

        var failed = await ann.Deliver(Status(ann, "failed", "Can't find agent with requested skill"));

        failed.Says(English.Texts[TextId.HandoffFailed]).DoesNotSay("requested skill").Asks(Script.Question(OffboardingSteps.RetrieveData));
        Assert.Empty(await app.Desk().ListAsync(CancellationToken.None));
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-failed" && e.ConversationId == ann.ConversationId);
        (await ann.Send("done")).Says("Step 2 of 5");
    }

    [Fact]
    public async Task Status_CompletedAfterAccepted_BotResumesAtTheStep()
    {
        await using var connector = await ConnectorChannel.StartAsync();
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage, connector);
        var ann = connector.Customer(app);
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("talk to support");
        await ann.Deliver(Status(ann, "accepted"));

        var completed = await ann.Deliver(Status(ann, "completed"));

        completed.Says(English.Texts[TextId.HandoffCompleted]).Says("Step 2 of 5").Asks(Script.Question(OffboardingSteps.DeleteServers));
        Assert.Empty(await app.Desk().ListAsync(CancellationToken.None));
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-completed");
    }

    [Fact]
    public async Task Status_WithNothingHandedOff_IsAcceptedAndChangesNothing()
    {
        await using var connector = await ConnectorChannel.StartAsync();
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage, connector);
        var ann = connector.Customer(app);
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        Assert.Equal(0, (await ann.Deliver(Status(ann, "completed"))).Count);
        Assert.Equal(0, (await ann.Deliver(Status(ann, "something-new"))).Count);

        (await ann.Send("done")).Says("Step 2 of 5");
    }

    [Fact]
    public async Task AgentEvent_SentByAChannel_DoesNothing()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("talk to support");
        var viaConnector = await app.TicketOfAsync(ann.ConversationId);
        var bob = await app.CustomerAsync();
        await bob.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await bob.Send("talk to support");
        var viaDirectLine = await app.TicketOfAsync(bob.ConversationId);

        var forged = ann.Message(null, null);
        forged["type"] = "event";
        forged["name"] = "closurebot/agent";
        forged["value"] = new JsonObject { ["op"] = "accept", ["ticketId"] = viaConnector.Id };
        Assert.Equal(0, (await ann.Deliver(forged)).Count);
        Assert.Empty((await bob.PostEvent("closurebot/agent", new JsonObject { ["op"] = "accept", ["ticketId"] = viaDirectLine.Id })).Texts);
        Assert.Empty((await bob.PostEvent("closurebot/agent", new JsonObject
        {
            ["op"] = "hand-back", ["ticketId"] = viaDirectLine.Id, ["resumeAt"] = "request-close",
        })).Texts);

        Assert.All(await app.Desk().ListAsync(CancellationToken.None), t => Assert.Equal((HandoffStatus.Waiting, null), (t.Status, t.AgentUserName)));
        Assert.DoesNotContain(await app.AuditAsync(), e => e.Kind is "handoff-accepted" or "handoff-handed-back");
        Assert.Equal(AcceptOutcome.Accepted, await app.Desk().AcceptAsync(viaDirectLine.Id, HandoffTestApp.Dana, CancellationToken.None));
        (await bob.ReadAsync()).Says("You're now talking to Dana from support.");
    }

    [Fact]
    public async Task Status_ForgedAcceptedOverDirectLine_TicketStaysWaitingForAnAgent()
    {
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage);
        var bob = await app.CustomerAsync();
        await bob.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await bob.Send("talk to support");
        var ticket = await app.TicketOfAsync(bob.ConversationId);

        Assert.Empty((await bob.PostEvent("handoff.status", new JsonObject { ["state"] = "accepted" })).Texts);

        var waiting = await app.TicketOfAsync(bob.ConversationId);
        Assert.Equal((HandoffStatus.Waiting, null), (waiting.Status, waiting.AgentUserName));
        Assert.DoesNotContain(await app.AdminAuditAsync(), e => (string?)e!["kind"] == "handoff-accepted");
        (await bob.Send("hello?")).Says(English.Texts.Format(TextId.PassedOnPosition, 1));
        Assert.Equal(AcceptOutcome.Accepted, await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, CancellationToken.None));
        (await bob.ReadAsync()).Says("You're now talking to Dana from support.");
        var accepted = Assert.Single(await app.AdminAuditAsync(), e => (string?)e!["kind"] == "handoff-accepted")!;
        Assert.Equal(("agent-console", "dana"), ((string?)accepted["actor"]!["channelId"], (string?)accepted["actor"]!["userId"]));
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    public async Task Status_ForgedEndOverDirectLineWhileAnAgentHoldsIt_TicketStaysHeld(string state)
    {
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage);
        var bob = await app.CustomerAsync();
        await bob.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await bob.Send("talk to support");
        var ticket = await app.TicketOfAsync(bob.ConversationId);
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, CancellationToken.None);
        await bob.ReadAsync();

        Assert.Empty((await bob.PostEvent("handoff.status", new JsonObject { ["state"] = state })).Texts);

        var held = await app.TicketOfAsync(bob.ConversationId);
        Assert.Equal((HandoffStatus.Held, "dana"), (held.Status, held.AgentUserName));
        Assert.DoesNotContain(await app.AdminAuditAsync(), e => (string?)e!["kind"] is "handoff-completed" or "handoff-failed");
        Assert.Empty((await bob.Send("are you still there?")).Texts);
        await app.Desk().SendAsync(ticket.Id, HandoffTestApp.Dana, "Yes, still here.", CancellationToken.None);
        (await bob.ReadAsync()).Says("Yes, still here.");
        var found = await app.Desk().FindAsync(ticket.Id, CancellationToken.None);
        Assert.Equal("are you still there?", found!.Transcript.Last(m => m.From == "customer").Text);
    }

    [Fact]
    public async Task Status_FromAConnectorChannelNotListed_ChangesNothing()
    {
        await using var connector = await ConnectorChannel.StartAsync();
        await using var app = HandoffTestApp.Create(new() { [StatusChannelsKey] = "omnichannel" }, Storage, connector);

        await AssertStatusChangesNothingAsync(app, connector.Customer(app));
    }

    [Fact]
    public async Task Status_WithoutAChannelToken_ChangesNothing()
    {
        // No Bot:MicrosoftAppId: /api/messages takes local requests without a token, as in development.
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage);

        await AssertStatusChangesNothingAsync(app, app.WebChat());
    }

    [Fact]
    public async Task Status_ProvedByAnEmulatorToken_ChangesNothing()
    {
        await using var connector = await ConnectorChannel.StartAsync();
        await using var app = HandoffTestApp.Create(ListingWebChat(), Storage, connector);

        await AssertStatusChangesNothingAsync(app, connector.EmulatorCustomer(app));
    }

    // A customer in the queue sends accepted, then completed: both are answered with nothing, the ticket keeps waiting,
    // the customer's messages still go to the queue, and the audit trail records neither.
    private static async Task AssertStatusChangesNothingAsync(BotApplicationFactory app, ConversationClient ann)
    {
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        (await ann.Send("talk to support")).Says("You're number 1 in the queue");

        Assert.Equal(0, (await ann.Deliver(Status(ann, "accepted"))).Count);
        Assert.Equal(HandoffStatus.Waiting, (await app.TicketOfAsync(ann.ConversationId)).Status);
        (await ann.Send("hello?")).Says(English.Texts.Format(TextId.PassedOnPosition, 1));
        Assert.Equal(0, (await ann.Deliver(Status(ann, "completed"))).Count);

        Assert.Equal(HandoffStatus.Waiting, (await app.TicketOfAsync(ann.ConversationId)).Status);
        Assert.DoesNotContain(await app.AdminAuditAsync(), e => (string?)e!["kind"] is "handoff-accepted" or "handoff-completed" or "handoff-failed");
    }

    private static Dictionary<string, string?> ListingWebChat() => new() { [StatusChannelsKey] = "webchat" };

    private static JsonObject Status(ConversationClient client, string state, string? message = null)
    {
        var activity = client.Message(null, null);
        activity["type"] = "event";
        activity["name"] = "handoff.status";
        activity["value"] = new JsonObject { ["state"] = state, ["message"] = message };
        return activity;
    }
}
