using ClosureBot.Closure;
using ClosureBot.Outbox;
using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Storage;

/// <summary>
/// What every store guarantees, checked on each provider through the <see cref="IBotStore"/> port of a running app:
/// a commit against a stale ETag changes nothing, an account has one open closure request, an activity one turn.
/// </summary>
public sealed class BotStoreContractTests
{
    public static TheoryData<string> Providers => [StorageProviders.Sqlite, StorageProviders.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_WithAStaleETag_ThrowsConflictAndKeepsTheNewerState(string storage)
    {
        await using var app = new BotApplicationFactory(storage: storage);
        var store = app.Services.GetRequiredService<IBotStore>();
        await store.CommitAsync(Turn("k1", null, "e1", """{"n":1}"""), CancellationToken.None);
        await store.CommitAsync(Turn("k1", "e1", "e2", """{"n":2}"""), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(Turn("k1", "e1", "e3", """{"n":3}"""), CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(Turn("k1", null, "e4", """{"n":4}"""), CancellationToken.None));

        store.Evict("k1");
        var stored = await store.LoadConversationAsync("k1", CancellationToken.None);
        Assert.Equal(("e2", """{"n":2}"""), (stored!.ETag, System.Text.Encoding.UTF8.GetString(stored.State)));
        // Stored as text, so the database's own JSON functions (retention) read it.
        Assert.Equal(["text:2"], DatabaseProbe.Strings(app, storage == StorageProviders.Postgres
            ? "SELECT 'text:' || (state::jsonb ->> 'n') FROM conversations WHERE key = 'k1'"
            : "SELECT typeof(state) || ':' || json_extract(state, '$.n') FROM conversations WHERE key = 'k1'"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_SecondOpenRequestForAnAccount_ThrowsConflictAndWritesNothingOfItsTurn(string storage)
    {
        await using var app = new BotApplicationFactory(storage: storage);
        var store = app.Services.GetRequiredService<IBotStore>();
        await store.CommitAsync(Turn("k1", null, "e1", "{}", Request("CLS-1", "k1")), CancellationToken.None);

        var second = Turn("k2", null, "e1", "{}", Request("CLS-2", "k2"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(second, CancellationToken.None));

        Assert.Equal("CLS-1", Assert.Single(await app.Services.GetRequiredService<IClosureLog>().ListAsync(CancellationToken.None)).Reference);
        store.Evict("k2");
        Assert.Null(await store.LoadConversationAsync("k2", CancellationToken.None));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_SameActivityTwice_SecondIsADuplicateAndChangesNothing(string storage)
    {
        await using var app = new BotApplicationFactory(storage: storage);
        var store = app.Services.GetRequiredService<IBotStore>();
        var replies = new OutboxEntry("k1", "a1", [1, 2, 3], 1, BotApplicationFactory.Start, null);
        await store.CommitAsync(Turn("k1", null, "e1", "{}", replies: replies), CancellationToken.None);

        await Assert.ThrowsAsync<DuplicateActivityException>(() => store.CommitAsync(Turn("k1", "e1", "e2", """{"again":true}""", replies: replies),
            CancellationToken.None));

        store.Evict("k1");
        Assert.Equal("e1", (await store.LoadConversationAsync("k1", CancellationToken.None))!.ETag);
        Assert.Equal([1, 2, 3], (await app.Services.GetRequiredService<IOutboxStore>().FindAsync("k1", "a1", CancellationToken.None))!.Replies);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_ManyTurnsAtOnceOneConflicting_OnlyThatOneFails(string storage)
    {
        await using var app = new BotApplicationFactory(storage: storage);
        var store = app.Services.GetRequiredService<IBotStore>();
        await store.CommitAsync(Turn("stale", null, "e1", "{}"), CancellationToken.None);

        // Queued together they share group commits; the stale one's savepoint is undone, the others land.
        var commits = Enumerable.Range(0, 50).Select(i => store.CommitAsync(Turn($"k{i}", null, "e1", "{}"), CancellationToken.None))
            .Append(store.CommitAsync(Turn("stale", "e0", "e2", "{}"), CancellationToken.None)).ToList();
        var failed = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => commits[^1]);

        await Task.WhenAll(commits.Take(50));
        Assert.Contains("stale", failed.Message);
        for (var i = 0; i < 50; i++)
        {
            store.Evict($"k{i}");
            Assert.NotNull(await store.LoadConversationAsync($"k{i}", CancellationToken.None));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FindOpen_ReadsTheRequestAsCommitted_ItsTimeToTheMicrosecond(string storage)
    {
        await using var app = new BotApplicationFactory(storage: storage);
        // Microseconds: PostgreSQL's timestamptz keeps no finer.
        var created = new DateTimeOffset(2026, 12, 7, 17, 4, 5, TimeSpan.FromHours(2)).AddTicks(1_234_560);
        await app.Services.GetRequiredService<IBotStore>().CommitAsync(
            Turn("k1", null, "e1", "{}", Request("CLS-1", "k1") with { CreatedAt = created }), CancellationToken.None);

        var open = await app.Services.GetRequiredService<IClosureLog>().FindOpenAsync("ACME", CancellationToken.None);

        Assert.Equal(("CLS-1", created.UtcTicks), (open!.Reference, open.CreatedAt.UtcTicks));
        // SQLite keeps the offset it was given; PostgreSQL's timestamptz gives the instant back in UTC.
        Assert.Equal(storage == StorageProviders.Postgres ? TimeSpan.Zero : created.Offset, open.CreatedAt.Offset);
    }

    [Fact]
    public async Task FindOpen_SqliteTimeInAnotherIsoForm_ReadsAsThatInstant()
    {
        // The writer stores the round-trip form ("O") and the reader parses that on its short path; a row written in any
        // other form the general parse reads (an older writer, a hand repair) must still be read, not fail the turn.
        await using var app = new BotApplicationFactory(storage: StorageProviders.Sqlite);
        await app.Services.GetRequiredService<IBotStore>().CommitAsync(Turn("k1", null, "e1", "{}", Request("CLS-1", "k1")), CancellationToken.None);
        Assert.Equal(["2026-12-07 15:04:05Z"],
            DatabaseProbe.Strings(app.DatabasePath, "UPDATE closure_requests SET created_at = '2026-12-07 15:04:05Z' RETURNING created_at"));

        var open = await app.Services.GetRequiredService<IClosureLog>().FindOpenAsync("ACME", CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 15, 4, 5, TimeSpan.Zero), open!.CreatedAt);
    }

    private static TurnCommit Turn(string key, string? expected, string etag, string state, ClosureRequest? request = null, OutboxEntry? replies = null) =>
        new() { ConversationKey = key, ExpectedETag = expected, NewETag = etag, State = System.Text.Encoding.UTF8.GetBytes(state), ClosureRequest = request, Replies = replies };

    private static ClosureRequest Request(string reference, string conversation) =>
        new(reference, "ACME", new Requester("test", "u-" + conversation, null, false), conversation, BotApplicationFactory.Start,
            new Dictionary<string, int>(), false, true);
}
