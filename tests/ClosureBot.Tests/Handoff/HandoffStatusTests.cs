using ClosureBot.Localization;
using System.Text.Json.Nodes;
using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary><c>handoff.status</c> from a contact-center channel is honoured, never rejected; a forged agent event does nothing.</summary>
public class HandoffStatusTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Status_Accepted_BotFallsSilentAndMessagesGoToTheQueue()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
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
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
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
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
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
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
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

    private static JsonObject Status(ConversationClient client, string state, string? message = null)
    {
        var activity = client.Message(null, null);
        activity["type"] = "event";
        activity["name"] = "handoff.status";
        activity["value"] = new JsonObject { ["state"] = state, ["message"] = message };
        return activity;
    }
}
