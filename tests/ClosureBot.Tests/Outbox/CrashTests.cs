using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Outbox;

/// <summary>
/// The real bot as a child process, killed with SIGKILL around the commit of the closure confirmation and the delivery
/// of its replies, then started again on the same database: the customer still gets the receipt, and the account has
/// one closure request. The kill right after the commit uses the test-only <c>Testing:CrashAfterCommit</c> switch.
/// </summary>
public class CrashTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-crash-").FullName;
    private readonly Lazy<string> _postgres = new(PostgresServer.CreateDatabase);

    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task ExpectReplies_KilledAfterCommit_RedeliveryAfterRestartReturnsTheReceipt()
    {
        var crashId = BotApplicationFactory.NewId("crash-");
        string reference;
        JsonObject confirm;
        ConversationClient ann;
        await using (var bot = await StartAsync(new Dictionary<string, string> { ["Testing:CrashAfterCommit"] = crashId }))
        {
            ann = bot.WebChat();
            await ann.SendAll(Script.To(OffboardingSteps.RequestClose));
            confirm = ann.Message("ACME", null);
            confirm["id"] = crashId;

            await Assert.ThrowsAnyAsync<HttpRequestException>(() => ann.Deliver(confirm));
            await bot.WaitForExitAsync();
        }

        await using (var restarted = await StartAsync())
        {
            var again = await ann.Via(restarted.Http).Deliver(confirm);
            again.Says("Your closure request for ACME is logged.");
            reference = again.Fact("Reference")!;
            Assert.Equal(reference, (await ann.Via(restarted.Http).Deliver(confirm)).Fact("Reference"));
            var logged = Assert.Single(await restarted.ClosureRequestsAsync())!;
            Assert.Equal(reference, (string?)logged["reference"]);
        }
    }

    [Fact]
    public async Task Connector_KilledAfterCommit_RedeliveryAfterRestartSendsTheRepliesOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var crashId = BotApplicationFactory.NewId("crash-");
        ConversationClient ann;
        JsonObject confirm;
        await using (var bot = await StartAsync(new Dictionary<string, string> { ["Testing:CrashAfterCommit"] = crashId }))
        {
            ann = bot.WebChat();
            await ann.SendAll(Script.To(OffboardingSteps.RequestClose));
            confirm = ReplyOutboxTests.ConnectorMessage(ann, connector, "ACME");
            confirm["id"] = crashId;

            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Post(bot, confirm));
            await bot.WaitForExitAsync();
        }
        Assert.Empty(connector.Requests);

        await using (var restarted = await StartAsync())
        {
            using var redelivered = await Post(restarted, confirm);
            using var redeliveredAgain = await Post(restarted, confirm);

            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, redeliveredAgain.StatusCode);
            var reference = (string?)Assert.Single(await restarted.ClosureRequestsAsync())!["reference"];
            Assert.All(connector.Requests, r => Assert.Equal(200, r.Status));
            Assert.Equal(ReceiptTexts(reference!), Texts(connector));
        }
    }

    [Fact]
    public async Task Connector_KilledAfterCommit_RestartedBotDeliversTheRepliesByItself()
    {
        await using var connector = await FakeConnector.StartAsync();
        var crashId = BotApplicationFactory.NewId("crash-");
        // The dead bot wrote the row's first retry time with its own ReplyRetryDelay: with the default (30 s) the wait
        // below would race that delay instead of testing the restarted bot's worker.
        await using (var bot = await StartAsync(new Dictionary<string, string>(FastRetries) { ["Testing:CrashAfterCommit"] = crashId }))
        {
            var ann = bot.WebChat();
            await ann.SendAll(Script.To(OffboardingSteps.RequestClose));
            var confirm = ReplyOutboxTests.ConnectorMessage(ann, connector, "ACME");
            confirm["id"] = crashId;

            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Post(bot, confirm));
            await bot.WaitForExitAsync();
        }

        // Nobody redelivers: the outbox worker of the restarted bot sends what the dead one could not.
        await using var restarted = await StartAsync(FastRetries);
        await connector.WaitForDeliveredAsync(ReceiptReplyCount, Patience);

        var reference = (string?)Assert.Single(await restarted.ClosureRequestsAsync())!["reference"];
        Assert.Equal(ReceiptTexts(reference!), Texts(connector));
    }

    [Fact]
    public async Task Connector_KilledWhileTheConnectorHoldsTheFirstReply_EveryReplyArrivesAfterRestart()
    {
        await using var connector = await FakeConnector.StartAsync();
        JsonObject confirm;
        await using (var bot = await StartAsync())
        {
            var ann = bot.WebChat();
            await ann.SendAll(Script.To(OffboardingSteps.RequestClose));
            confirm = ReplyOutboxTests.ConnectorMessage(ann, connector, "ACME");
            var gate = connector.HoldNext(out var arrived);

            var posting = Post(bot, confirm);
            await arrived.WaitAsync(Patience);
            await bot.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => posting);
            gate.SetResult();
        }

        await using var restarted = await StartAsync();
        using var redelivered = await Post(restarted, confirm);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var reference = (string?)Assert.Single(await restarted.ClosureRequestsAsync())!["reference"];
        // The reply in flight when the bot died was never acknowledged to it, so it is sent again (at least once);
        // after it, each reply of the turn arrives once, in order.
        var texts = Texts(connector);
        Assert.Equal(ReceiptTexts(reference!), texts.Skip(texts.Count - ReceiptReplyCount));
        Assert.Equal(ReceiptReplyCount + 1, texts.Count);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        if (_postgres.IsValueCreated) PostgresServer.DropDatabase(_postgres.Value);
    }

    // The bot on this test's database: its SQLite file in the folder, or its PostgreSQL database.
    private Task<BotChildProcess> StartAsync(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? []);
        if (Storage == StorageProviders.Postgres)
        {
            all["Storage:Provider"] = StorageProviders.Postgres;
            all["Storage:ConnectionString"] = _postgres.Value;
        }
        return BotChildProcess.StartAsync(_folder, all);
    }

    private static readonly Dictionary<string, string> FastRetries = new()
    {
        ["Bot:ReplyRetryDelay"] = "00:00:00.500",
        ["Bot:OutboxPollInterval"] = "00:00:00.200",
    };

    private const int ReceiptReplyCount = 1;

    // What the customer reads of the receipt turn: the receipt card with its reference.
    private static List<string> ReceiptTexts(string reference) => [$"card:{reference}"];

    private static List<string> Texts(FakeConnector connector) => connector.Delivered
        .Select(r => r.Activity["attachments"] is JsonArray { Count: > 0 } attachments
            ? "card:" + new Replies([r.Activity]).Fact("Reference")
            : r.Text is null ? "none" : "text")
        .ToList();

    private static Task<HttpResponseMessage> Post(BotChildProcess bot, JsonObject activity) =>
        bot.Http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
}
