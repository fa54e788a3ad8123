using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: a customer's turns alternate between them,
/// and a thousand conversations spread over both lose no update and log no closure request twice.
/// </summary>
public sealed class TwoInstancesOnPostgresTests
{
    private static readonly TimeSpan LoadLimit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task AlternatingInstances_EveryTurnOfOneCustomer_ReachesTheReceiptWithOneRequest()
    {
        await using var first = new BotApplicationFactory(storage: StorageProviders.Postgres);
        await using var second = first.SharingStorageWith();
        var viaFirst = first.WebChat();
        var viaSecond = viaFirst.Via(second.CreateClient());

        Replies? last = null;
        for (var i = 0; i < Script.HappyPath.Length; i++)
            last = await (i % 2 == 0 ? viaFirst : viaSecond).Send(Script.HappyPath[i]);

        last!.Says("Your closure request for ACME is logged.");
        var logged = Assert.Single(await second.ClosureRequestsAsync())!;
        Assert.Equal(last.Fact("Reference"), (string?)logged["reference"]);
        Assert.Equal(viaFirst.ConversationId, (string?)logged["conversationId"]);
    }

    [Fact]
    public async Task ThousandConversations_SpreadOverBothInstances_NoLostUpdateAndOneClosureRequest()
    {
        await using var first = new BotApplicationFactory(storage: StorageProviders.Postgres);
        await using var second = first.SharingStorageWith();
        var secondClient = second.CreateClient();
        // Many conversations at once, a bounded number of requests in flight (what a load balancer in front would see).
        using var inFlight = new SemaphoreSlim(48);
        var customers = Enumerable.Range(0, 1000).Select(i => first.WebChat()).ToList();
        var onSecond = customers.Select(c => c.Via(secondClient)).ToList();
        var confirming = customers.Take(40).ToHashSet();

        async Task<Replies> TurnAsync(int index, int turn, string text)
        {
            await inFlight.WaitAsync();
            try
            {
                // Each conversation starts on either instance and then alternates, so every instance's cache goes stale.
                return await ((index + turn) % 2 == 0 ? customers[index] : onSecond[index]).Send(text);
            }
            finally
            {
                inFlight.Release();
            }
        }

        async Task<string> ConverseAsync(int index)
        {
            var confirms = confirming.Contains(customers[index]);
            var words = confirms ? Script.HappyPath : Script.To(OffboardingSteps.RetrieveData);
            Replies? last = null;
            for (var turn = 0; turn < words.Length; turn++) last = await TurnAsync(index, turn, words[turn]);
            if (confirms) return last!.Fact("Reference") ?? (last.Everything.Contains("already exists") ? "joined" : last.Everything);
            return (await TurnAsync(index, words.Length, "status")).Everything;
        }

        var outcomes = await Task.WhenAll(customers.Select((_, i) => ConverseAsync(i))).WaitAsync(LoadLimit);

        // No lost update: every conversation stands where its own answers took it.
        Assert.All(outcomes.Where((_, i) => !confirming.Contains(customers[i])), o => Assert.Contains("You're at Step 1 of 5", o));
        // No duplicated request: one reference; every other confirmation was recorded against it.
        var logged = Assert.Single(await first.ClosureRequestsAsync())!;
        var reference = (string?)logged["reference"];
        var confirmations = outcomes.Where((_, i) => confirming.Contains(customers[i])).ToList();
        Assert.Single(confirmations, o => o == reference);
        Assert.Equal(confirming.Count - 1, confirmations.Count(o => o == "joined"));
        Assert.Equal(confirming.Count - 1, logged["alsoRequestedBy"]!.AsArray().Count);
    }
}
