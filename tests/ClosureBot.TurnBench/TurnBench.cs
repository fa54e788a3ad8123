using System.Buffers;
using System.Runtime.InteropServices;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using ClosureBot.Hosting;
using ClosureBot.Offboarding;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;
using ClosureBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClosureBot.TurnBench;

/// <summary>What one turn of the walk cost: the fastest and the median round's mean time, and the bytes it allocated.</summary>
public sealed record TurnFigures(int Turn, string Text, double MinMicroseconds, double MedianMicroseconds, long AllocatedBytes);

/// <summary>
/// Walks the load command's canonical ten-turn closure through the bot's own turn in this process, one turn at a time
/// on one thread: the activity read from a channel's JSON, the adapter with the app's turn middleware and
/// <see cref="OffboardingBot"/> (router, dialogs, readers, cards, state and outbox JSON), and the expectReplies body. No
/// HTTP, no database write, no other customer: the turn's own CPU and allocations, which a load run on a shared machine
/// cannot separate from its noise. The app is built as the bot builds it (Development, the demo inventory, SQLite in a
/// folder of its own for what a turn reads), and each walk is a new customer in a new conversation.
/// </summary>
public sealed class TurnBench : IAsyncDisposable
{
    /// <summary>The customer's ten messages, as the load command's customers type them.</summary>
    public static readonly string[] Walk = ["I want to close my account", "yes", "ACME", "no", "done", "done", "yes", "done", "yes", "ACME"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"closurebot-turnbench-{Guid.NewGuid():N}");
    private readonly WebApplication _app;
    private readonly BotAdapter _adapter;
    private readonly MemoryTurnStore _store = new();
    private readonly ArrayBufferWriter<byte> _body = new(16 * 1024);
    private readonly PosixSignalRegistration[] _signals;
    private int _walks;

    public TurnBench()
    {
        Directory.CreateDirectory(_folder);
        // A bench stopped part-way (Ctrl+C, kill) leaves no folder behind either; the signal then ends the process as usual.
        _signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, _ => RemoveFolder()))];
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bench.db")}";
        builder.Logging.ClearProviders();
        builder.AddClosureBot();
        _app = builder.Build();
        _app.MapClosureBot();
        IBot bot = ActivatorUtilities.CreateInstance<OffboardingBot>(_app.Services, (IBotStore)_store);
        _adapter = ActivatorUtilities.CreateInstance<BotAdapter>(_app.Services, bot);
    }

    /// <summary>The folder of the bench's SQLite file, removed when the bench is disposed.</summary>
    public string Folder => _folder;

    /// <summary>Turns that did not finish on the calling thread (their allocations elsewhere are not counted); 0 expected.</summary>
    public int AsynchronousTurns { get; private set; }

    /// <summary>Walks <paramref name="warmupWalks"/> unmeasured, then <paramref name="rounds"/> rounds of <paramref name="walks"/>.</summary>
    public async Task<IReadOnlyList<TurnFigures>> RunAsync(int rounds, int walks, int warmupWalks)
    {
        for (var i = 0; i < warmupWalks; i++) await WalkAsync(null, null);
        var ticks = new long[rounds][];
        var bytes = new long[Walk.Length];
        for (var r = 0; r < rounds; r++)
        {
            ticks[r] = new long[Walk.Length];
            for (var i = 0; i < walks; i++) await WalkAsync(ticks[r], r == 0 ? bytes : null);
        }

        return [.. Enumerable.Range(0, Walk.Length).Select(t =>
        {
            var perTurn = ticks.Select(round => round[t] * 1e6 / Stopwatch.Frequency / walks).Order().ToArray();
            return new TurnFigures(t + 1, Walk[t], perTurn[0], perTurn[perTurn.Length / 2], bytes[t] / walks);
        })];
    }

    private async Task WalkAsync(long[]? ticks, long[]? bytes)
    {
        var walk = ++_walks;
        var conversation = $"turnbench-{walk}";
        for (var turn = 0; turn < Walk.Length; turn++)
        {
            var json = ActivityJson(conversation, $"turnbench-user-{walk}", turn);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            var activity = ActivityReader.Parse(json).Activity ?? throw new InvalidOperationException("The walk's activity did not read back.");
            var pending = _adapter.ProcessActivityAsync(activity, transport: null, CancellationToken.None);
            if (!pending.IsCompleted) AsynchronousTurns++;
            var result = await pending;
            WriteBody(result);
            var elapsed = Stopwatch.GetTimestamp() - started;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (result.Replies.Count == 0) throw new InvalidOperationException($"Turn {turn + 1} ('{Walk[turn]}') of walk {walk} got no reply.");
            if (ticks is not null) ticks[turn] += elapsed;
            if (bytes is not null) bytes[turn] += allocated;
        }

        if (_body.WrittenSpan.IndexOf("CLS-"u8) < 0)
            throw new InvalidOperationException($"Walk {walk} ended without a closure receipt.");
    }

    // The expectReplies body as the endpoint writes it: the replies the turn serialized for its outbox, else serialized here.
    private void WriteBody(TurnResult result)
    {
        _body.ResetWrittenCount();
        if (result.SerializedReplies is { } replies)
        {
            _body.Write("{\"activities\":"u8);
            _body.Write(replies);
            _body.Write("}"u8);
            return;
        }
        using var writer = new Utf8JsonWriter(_body);
        JsonSerializer.Serialize(writer, new ExpectedReplies(result.Replies), ProtocolJson.Options);
    }

    private static byte[] ActivityJson(string conversation, string user, int turn) => JsonSerializer.SerializeToUtf8Bytes(new Activity
    {
        Type = ActivityTypes.Message,
        Id = $"{conversation}-{turn + 1}",
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = ClosureBot.Protocol.Activities.Channels.WebChat,
        // As Azure Bot Service sends Web Chat's activities, and the load command's customers do.
        ServiceUrl = "https://webchat.botframework.com/",
        From = new ChannelAccount { Id = user, Name = "Load Customer", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "closurebot", Name = "ClosureBot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = conversation },
        Text = Walk[turn],
        TextFormat = "plain",
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    }, ProtocolJson.Options);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var signal in _signals) signal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
