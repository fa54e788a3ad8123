using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage;

/// <summary>
/// With <c>Storage:CommitDelay</c> on, the SQLite writer waits for running turns to join a group commit: every turn still
/// lands once, in order per conversation, and a redelivery inside a delayed batch is still answered from the outbox.
/// </summary>
public sealed class CommitDelayTests
{
    [Fact]
    public async Task ConcurrentConversations_WithACommitDelay_AllWalkTheFlowAndLogOneRequestEach()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Storage:CommitDelay"] = "00:00:00.020" });
        var customers = Enumerable.Range(0, 8).Select(_ => app.WebChat()).ToList();

        await Task.WhenAll(customers.Select(c => c.SendAll(Script.To(OffboardingSteps.RequestClose))));
        var receipts = await Task.WhenAll(customers.Select(c => c.Send("ACME")));

        // The first request for ACME is logged; the others are told one exists: one request, eight answers.
        Assert.Single(await app.ClosureRequestsAsync());
        Assert.Single(receipts, r => r.Texts.Any(t => t.Contains("Your closure request for ACME is logged.")));
        Assert.Equal(7, receipts.Count(r => r.Texts.Any(t => t.Contains("already exists, since"))));
    }

    [Fact]
    public async Task ARedeliveryInTheSameDelayedBatch_IsAnsweredFromTheOutbox()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Storage:CommitDelay"] = "00:00:00.020" });
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var done = ann.Message("done", null);

        var both = await Task.WhenAll(ann.Deliver(done), ann.Deliver(done));

        Assert.All(both, r => r.Says("Step 2 of 5"));
        (await ann.Send("status")).Says("You're at Step 2 of 5");
    }
}
