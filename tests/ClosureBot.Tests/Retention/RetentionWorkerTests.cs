using ClosureBot.Channels.DirectLine;
using ClosureBot.Offboarding;
using ClosureBot.Retention;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ClosureBot.Tests.Retention;

/// <summary>
/// The retention job, on the fake clock: conversations, saved places and web chat transcripts go after their periods and
/// younger ones stay; nothing of a conversation with an open closure request goes, nor the closure log or audit trail.
/// </summary>
public class RetentionWorkerTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task RunOnce_Conversations_FinishedGoAfter30DaysMidwayAfter90()
    {
        await using var app = App();
        var finished = app.WebChat();
        await finished.Send("hi");
        var midway = app.WebChat();
        await midway.SendAll(Script.To(OffboardingSteps.DeleteServers));
        app.Clock!.Advance(29 * Day);
        var recent = app.WebChat();
        await recent.Send("hi");
        app.Clock.Advance(2 * Day);

        var first = await RunAsync(app);

        Assert.Equal(Sorted(Key(midway), Key(recent)), Sorted([.. Keys(app)]));
        Assert.Equal(1, first["finishedConversations"]);
        app.Clock.Advance(60 * Day);
        var second = await RunAsync(app);
        Assert.Empty(Keys(app));
        Assert.Equal(1, second["finishedConversations"]);
        Assert.Equal(1, second["idleConversations"]);
        (await midway.Send("done")).Says("Hi, I'm ClosureBot");
    }

    [Fact]
    public async Task RunOnce_SavedPlaceOlderThan90Days_IsDeletedAndTheReturningCustomerIsWelcomedAfresh()
    {
        await using var app = App();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        app.Clock!.Advance(50 * Day);
        var bob = app.WebChat();
        await bob.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await bob.Send("remind me later");
        app.Clock.Advance(41 * Day);

        var deleted = await RunAsync(app);

        Assert.Equal(1, deleted["savedPlaces"]);
        (await ann.NewConversation().Send("hi")).Says("Hi, I'm ClosureBot").DoesNotSay("Welcome back");
        (await ann.Send("I want to close my account")).Says("We're sorry to see you go").DoesNotSay("Welcome back");
        (await bob.NewConversation().Join()).Says("Welcome back").Says("had reached Step 2 of 5");
    }

    [Fact]
    public async Task RunOnce_TranscriptIdle30Days_GoesWithItsActivitiesWhileOneStillTalkingStays()
    {
        await using var app = App();
        var directLine = new DirectLineTestClient(app.CreateClient());
        var log = app.Services.GetRequiredService<DirectLineActivityLog>();
        var (stale, staleToken) = await directLine.StartAsync();
        await directLine.PostMessageAsync(stale, staleToken, "hi");
        var (talking, _) = await directLine.StartAsync();
        app.Clock!.Advance(20 * Day);
        await directLine.PostMessageAsync(talking, DirectLineTestHost.Secret, "hi");
        app.Clock.Advance(15 * Day);
        var staleActivities = TranscriptLength(app, stale);
        Assert.Equal(2, log.InMemoryCount);

        var deleted = await RunAsync(app);

        Assert.Equal([talking], DatabaseProbe.Strings(app, "SELECT id FROM directline_conversations"));
        Assert.Equal(0, TranscriptLength(app, stale));
        Assert.True(TranscriptLength(app, talking) > 0);
        Assert.Equal(1, deleted["transcripts"]);
        Assert.Equal(staleActivities, deleted["transcriptActivities"]);
        Assert.Equal(0, log.InMemoryCount);
        using var gone = await directLine.SendAsync(HttpMethod.Get, $"/conversations/{stale}/activities", DirectLineTestHost.Secret);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        var (after, _) = await directLine.GetActivitiesAsync(talking, DirectLineTestHost.Secret);
        Assert.Contains(after, a => DirectLineTestClient.TextOf(a) == "hi");
    }

    [Fact]
    public async Task RunOnce_OpenClosureRequest_KeepsItsConversationsTranscriptAndTheClosureLogForever()
    {
        await using var app = App();
        var directLine = new DirectLineTestClient(app.CreateClient());
        var (requested, token) = await directLine.StartAsync();
        for (var i = 0; i < Script.HappyPath.Length; i++)
            await directLine.PostMessageAsync(requested, token, Script.HappyPath[i], $"client-{i}");
        var (other, otherToken) = await directLine.StartAsync();
        await directLine.PostMessageAsync(other, otherToken, "hi");
        var ann = app.WebChat();
        (await ann.SendAll(Script.HappyPath)).Says("already");
        var closureLog = ClosureLog(app);
        var transcript = TranscriptLength(app, requested);
        Assert.Single(DatabaseProbe.Strings(app, "SELECT reference FROM closure_request_requesters"));
        app.Clock!.Advance(400 * Day);

        var deleted = await RunAsync(app);

        Assert.Equal([requested], DatabaseProbe.Strings(app, "SELECT id FROM directline_conversations"));
        Assert.Equal(transcript, TranscriptLength(app, requested));
        Assert.Equal(Sorted($"webchat/{requested}", Key(ann)), Sorted([.. Keys(app)]));
        Assert.Equal(closureLog, ClosureLog(app));
        Assert.Equal(1, deleted["transcripts"]);
        var (activities, _) = await directLine.GetActivitiesAsync(requested, DirectLineTestHost.Secret);
        Assert.Contains(activities, a => a!.ToJsonString().Contains("CLS-2026"));
    }

    [Fact]
    public async Task RunOnce_TwoInstancesAtOnce_DeleteEachItemOnce()
    {
        await using var first = App();
        await using var second = first.SharingStorageWith();
        var directLine = new DirectLineTestClient(first.CreateClient());
        for (var i = 0; i < 6; i++) await first.WebChat().Send("hi");
        for (var i = 0; i < 3; i++)
        {
            var (id, token) = await directLine.StartAsync();
            await directLine.PostMessageAsync(id, token, "hi");
        }
        first.Clock!.Advance(31 * Day);

        var results = await Task.WhenAll(RunAsync(first), RunAsync(second));

        // Three of the six conversations are the web chat ones, finished after their welcome.
        Assert.Equal(9, results.Sum(r => r.GetValueOrDefault("finishedConversations")));
        Assert.Equal(3, results.Sum(r => r.GetValueOrDefault("transcripts")));
        Assert.Empty(Keys(first));
        Assert.Equal(["0"], DatabaseProbe.Strings(first, "SELECT COUNT(*) FROM directline_activities"));
    }

    [Fact]
    public async Task RunOnce_LogsOneLineWithTheCountsAsProperties()
    {
        var sink = new EventSink();
        await using var factory = App(new() { ["Serilog:MinimumLevel:Default"] = "Information" });
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink)));
        var client = ConversationClient.FromPayload(app.CreateClient(), "webchat-message.json", "dl_logged", "conv-logged");
        for (var i = 0; i < 3; i++) await client.NewConversation().Send("hi");
        factory.Clock!.Advance(31 * Day);

        await app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(factory.Clock.GetUtcNow(), CancellationToken.None);

        var line = Assert.Single(sink.Events, e => e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains(nameof(RetentionWorker)));
        var deleted = Assert.IsType<DictionaryValue>(line.Properties["Deleted"]);
        Assert.Equal("3", deleted.Elements.Single(e => e.Key.Value as string == "finishedConversations").Value.ToString());
        Assert.Equal(LogEventLevel.Information, line.Level);
    }

    [Fact]
    public async Task Worker_WhenTheIntervalComes_RunsAPassByItself()
    {
        var sink = new EventSink();
        await using var factory = App(new() { ["Retention:Enabled"] = "true", ["Serilog:MinimumLevel:Default"] = "Information" });
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink)));
        await ConversationClient.FromPayload(app.CreateClient(), "webchat-message.json", "dl_timed", "conv-timed").Send("hi");
        Assert.Single(DatabaseProbe.Strings(factory, "SELECT key FROM conversations"));

        factory.Clock!.Advance(31 * Day);

        await sink.Passed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(DatabaseProbe.Strings(factory, "SELECT key FROM conversations"));
    }

    [Fact]
    public async Task RunOnce_HandoffEndedMoreThan90DaysAgo_IsDeletedWithItsLinesAndAWaitingOneStays()
    {
        await using var app = App();
        var left = app.WebChat();
        await left.Send("talk to support");
        await left.Send("is anyone there?");
        await left.Send("cancel");
        var waiting = app.WebChat();
        await waiting.Send("talk to support");
        var ended = Assert.Single(DatabaseProbe.Strings(app, "SELECT id FROM handoff_tickets WHERE status = 'Ended'"));
        var endedLines = $"SELECT id FROM handoff_messages WHERE ticket_id = '{ended}'";
        Assert.NotEmpty(DatabaseProbe.Strings(app, endedLines));
        app.Clock!.Advance(89 * Day);
        var early = await RunAsync(app);
        app.Clock.Advance(2 * Day);

        var late = await RunAsync(app);

        Assert.False(early.ContainsKey("endedHandoffs"));
        Assert.Equal(1, late["endedHandoffs"]);
        Assert.Equal(["Waiting"], DatabaseProbe.Strings(app, "SELECT status FROM handoff_tickets"));
        Assert.Empty(DatabaseProbe.Strings(app, endedLines));
    }

    private BotApplicationFactory App(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // The tests run passes themselves; the background timer would race them for the counts.
            ["Retention:Enabled"] = "false",
            ["DirectLine:Secret"] = DirectLineTestHost.Secret,
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return new BotApplicationFactory(settings: settings, storage: Storage);
    }

    private static Task<IReadOnlyDictionary<string, int>> RunAsync(BotApplicationFactory app) =>
        app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(app.Clock!.GetUtcNow(), CancellationToken.None);

    private static string Key(ConversationClient client) => $"{client.ChannelId}/{client.ConversationId}";

    private static List<string> Keys(BotApplicationFactory app) => DatabaseProbe.Strings(app, "SELECT key FROM conversations");

    private static string[] Sorted(params string[] values) => [.. values.Order(StringComparer.Ordinal)];

    private static int TranscriptLength(BotApplicationFactory app, string conversationId) =>
        int.Parse(DatabaseProbe.Strings(app, $"SELECT COUNT(*) FROM directline_activities WHERE conversation_id = '{conversationId}'")[0]);

    private static string ClosureLog(BotApplicationFactory app) => string.Join("\n",
        DatabaseProbe.Strings(app, "SELECT reference || ' ' || status || ' ' || conversation_id FROM closure_requests ORDER BY reference")
            .Concat(DatabaseProbe.Strings(app, "SELECT reference || ' ' || conversation_id FROM closure_request_requesters ORDER BY reference, conversation_id"))
            .Concat(DatabaseProbe.Strings(app, "SELECT id || ' ' || kind || ' ' || conversation_id FROM audit_events ORDER BY id")));

    private sealed class EventSink : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];
        private readonly TaskCompletionSource _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the retention job logs its line.</summary>
        public Task Passed => _passed.Task;

        public IReadOnlyList<LogEvent> Events
        {
            get { lock (_events) return [.. _events]; }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_events) _events.Add(logEvent);
            if (logEvent.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains(nameof(RetentionWorker))) _passed.TrySetResult();
        }
    }
}
