using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Retention;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff;

/// <summary>Queues, assignments and messages survive a restart; retention keeps the conversations of open tickets.</summary>
public sealed class HandoffDurabilityTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Restart_WaitingAndHeldConversations_CarryOnInTheNewInstance()
    {
        await using var before = HandoffTestApp.Create();
        var waiting = await before.CustomerAsync();
        await waiting.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await waiting.Send("talk to support");
        var held = await before.CustomerAsync();
        await held.SendAll(Script.To(OffboardingSteps.RetrieveData));
        await held.Send("talk to support");
        var heldTicket = await before.TicketOfAsync(held.ConversationId);
        await before.Desk().AcceptAsync(heldTicket.Id, HandoffTestApp.Dana, None);
        await held.ReadAsync();

        await using var after = before.SharingStorageWith();
        var waitingAfter = waiting.Via(after.CreateClient());
        var heldAfter = held.Via(after.CreateClient());

        var open = await after.Desk().ListAsync(None);
        Assert.Equal([(HandoffStatus.Waiting, (string?)null), (HandoffStatus.Held, "dana")], open.Select(t => (t.Status, t.AgentUserName)).OrderBy(t => t.Status));
        Assert.Equal(0, (await heldAfter.Send("are you still there?")).Count);
        await after.Desk().SendAsync(heldTicket.Id, HandoffTestApp.Dana, "Yes, still here.", None);
        (await heldAfter.ReadAsync()).Says("Yes, still here.");
        Assert.Contains((await after.Desk().FindAsync(heldTicket.Id, None))!.Transcript, m => m.Text == "are you still there?");
        (await waitingAfter.Send("hello?")).Says("You're number 1 in the queue");
        await after.Desk().HandBackAsync(heldTicket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.RetrieveData, [], null), None);
        (await heldAfter.ReadAsync()).Asks(Script.Question(OffboardingSteps.RetrieveData));
        (await waitingAfter.Send("cancel")).Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Fact]
    public async Task Retention_OpenTicket_KeepsTheConversationWhateverItsAge()
    {
        await using var app = HandoffTestApp.Create();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("talk to support");
        var idle = app.WebChat();
        await idle.SendAll(Script.To(OffboardingSteps.DeleteServers));
        app.Clock!.Advance(TimeSpan.FromDays(400));

        await app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(app.Clock.GetUtcNow(), None);

        Assert.Equal(["webchat/" + ann.ConversationId], DatabaseProbe.Strings(app.DatabasePath, "SELECT key FROM conversations"));
        (await ann.Send("hello?")).Says("You're number 1 in the queue");
    }
}
