using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClosureBot.Protocol.Tests.Turns;

public class BotAdapterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static Activity Message(string text, string conversationId = "c1", string? deliveryMode = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-" + text,
        Text = text,
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = conversationId },
        DeliveryMode = deliveryMode,
    };

    private static BotAdapter Adapter(IBot bot, params ITurnMiddleware[] middleware) => new(bot, middleware, NullLogger<BotAdapter>.Instance);

    private sealed class DelegateBot(Func<ITurnContext, CancellationToken, Task> onTurn) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => onTurn(turnContext, cancellationToken);
    }

    private sealed class RecordingMiddleware(string name, List<string> log) : ITurnMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            log.Add(name + ">");
            await next(cancellationToken);
            log.Add("<" + name);
        }
    }

    private sealed class RecordingTransport : IReplyTransport
    {
        public List<(Activity Incoming, List<Activity> Replies, int BufferedAtSend)> Calls { get; } = [];
        public Func<int>? BufferedProbe { get; set; }

        public Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
        {
            Calls.Add((incoming, replies.ToList(), BufferedProbe?.Invoke() ?? -1));
            return Task.FromResult<IReadOnlyList<ResourceResponse>>(replies.Select((_, i) => new ResourceResponse($"r{i}")).ToList());
        }
    }

    [Fact]
    public async Task ProcessActivityAsync_Middleware_RunsInRegistrationOrderAroundBot()
    {
        var log = new List<string>();
        var bot = new DelegateBot((_, _) => { log.Add("bot"); return Task.CompletedTask; });
        var adapter = Adapter(bot, new RecordingMiddleware("a", log), new RecordingMiddleware("b", log));

        await adapter.ProcessActivityAsync(Message("hi"), null, CancellationToken.None);

        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], log);
    }

    [Fact]
    public async Task ProcessActivityAsync_MiddlewareDoesNotCallNext_BotIsSkipped()
    {
        var botRan = false;
        var shortCircuit = new DelegateMiddleware((_, _, _) => Task.CompletedTask);
        var adapter = Adapter(new DelegateBot((_, _) => { botRan = true; return Task.CompletedTask; }), shortCircuit);

        await adapter.ProcessActivityAsync(Message("hi"), null, CancellationToken.None);

        Assert.False(botRan);
    }

    private sealed class DelegateMiddleware(Func<ITurnContext, Func<CancellationToken, Task>, CancellationToken, Task> run) : ITurnMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken) =>
            run(turnContext, next, cancellationToken);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotSendsReplies_TransportCalledOnceAfterBotInOrder()
    {
        var transport = new RecordingTransport();
        var botFinished = false;
        var bot = new DelegateBot((turn, _) =>
        {
            turn.SendActivity(new Activity { Text = "one" });
            Assert.Empty(transport.Calls);
            turn.SendActivity(new Activity { Text = "two" });
            Assert.Empty(transport.Calls);
            botFinished = true;
            return Task.CompletedTask;
        });
        transport.BufferedProbe = () => botFinished ? 1 : 0;

        var result = await Adapter(bot).ProcessActivityAsync(Message("hi"), transport, CancellationToken.None);

        var call = Assert.Single(transport.Calls);
        Assert.Equal(1, call.BufferedAtSend);
        Assert.Equal(["one", "two"], call.Replies.Select(r => r.Text));
        Assert.Equal("in-hi", call.Incoming.Id);
        Assert.True(result.Delivered);
        Assert.Equal(["one", "two"], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_Replies_AddressedFromIncoming()
    {
        var transport = new RecordingTransport();
        var bot = new DelegateBot((turn, _) => { turn.SendActivity(new Activity { Text = "ok" }); return Task.CompletedTask; });

        await Adapter(bot).ProcessActivityAsync(Message("hi"), transport, CancellationToken.None);

        var reply = transport.Calls[0].Replies[0];
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal("c1", reply.Conversation!.Id);
        Assert.Equal("in-hi", reply.ReplyToId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reply.ServiceUrl);
    }

    [Fact]
    public async Task ProcessActivityAsync_RequestAbortedWhileRepliesAreSent_EveryReplyIsStillSent()
    {
        using var request = new CancellationTokenSource();
        var sent = new List<string?>();
        var transport = new CallbackTransport((reply, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            sent.Add(reply.Text);
            // The client hangs up once the first reply is out: the turn is saved, so the rest must still go.
            request.Cancel();
        });
        var bot = new DelegateBot((turn, _) =>
        {
            turn.SendActivity(new Activity { Text = "one" });
            turn.SendActivity(new Activity { Text = "two" });
            return Task.CompletedTask;
        });

        var result = await Adapter(bot).ProcessActivityAsync(Message("hi"), transport, request.Token);

        Assert.True(result.Delivered);
        Assert.Equal(["one", "two"], sent);
    }

    private sealed class CallbackTransport(Action<Activity, CancellationToken> onReply) : IReplyTransport
    {
        public Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
        {
            foreach (var reply in replies) onReply(reply, cancellationToken);
            return Task.FromResult<IReadOnlyList<ResourceResponse>>(replies.Select(_ => new ResourceResponse("r")).ToList());
        }
    }

    [Fact]
    public async Task ProcessActivityAsync_NoReplies_TransportNotCalled()
    {
        var transport = new RecordingTransport();

        var result = await Adapter(new DelegateBot((_, _) => Task.CompletedTask)).ProcessActivityAsync(Message("hi"), transport, CancellationToken.None);

        Assert.Empty(transport.Calls);
        Assert.False(result.Delivered);
        Assert.Empty(result.Replies);
    }

    [Fact]
    public async Task ProcessActivityAsync_ExpectReplies_ReturnsRepliesWithoutCallingTransport()
    {
        var transport = new RecordingTransport();
        var bot = new DelegateBot((turn, _) =>
        {
            turn.SendActivity(new Activity { Text = "one" });
            turn.SendActivity(new Activity { Text = "two" });
            return Task.CompletedTask;
        });

        var result = await Adapter(bot).ProcessActivityAsync(Message("hi", deliveryMode: DeliveryModes.ExpectReplies), transport, CancellationToken.None);

        Assert.Empty(transport.Calls);
        Assert.False(result.Delivered);
        Assert.Equal(["one", "two"], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_Invoke_InvokeResponsePassedThrough()
    {
        var invoke = new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", ChannelId = Channels.MsTeams, Conversation = new() { Id = "c1" } };
        var body = new JsonObject { ["statusCode"] = 200 };
        var bot = new DelegateBot((turn, _) => { turn.InvokeResponse = new InvokeResponse(200, body); return Task.CompletedTask; });

        var result = await Adapter(bot).ProcessActivityAsync(invoke, new RecordingTransport(), CancellationToken.None);

        Assert.Equal(200, result.InvokeResponse!.Status);
        Assert.Same(body, result.InvokeResponse.Body);
    }

    [Fact]
    public async Task ProcessActivityAsync_ProvenIdentity_VisibleToMiddlewareAndBot()
    {
        System.Security.Claims.ClaimsIdentity? seenByMiddleware = null, seenByBot = null;
        var middleware = new DelegateMiddleware((turn, next, ct) => { seenByMiddleware = turn.Identity; return next(ct); });
        var bot = new DelegateBot((turn, _) => { seenByBot = turn.Identity; return Task.CompletedTask; });
        var identity = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "u1")], "portal");

        await Adapter(bot, middleware).ProcessActivityAsync(Message("hi"), null, CancellationToken.None, identity);

        Assert.Same(identity, seenByMiddleware);
        Assert.Same(identity, seenByBot);
    }

    [Fact]
    public async Task ProcessActivityAsync_UnauthenticatedIdentity_IsNotAnIdentity()
    {
        var seen = new List<System.Security.Claims.ClaimsIdentity?>();
        var bot = new DelegateBot((turn, _) => { seen.Add(turn.Identity); return Task.CompletedTask; });

        await Adapter(bot).ProcessActivityAsync(Message("hi"), null, CancellationToken.None,
            new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "u1")]));
        await Adapter(bot).ProcessActivityAsync(Message("hi"), null, CancellationToken.None);

        Assert.Equal([null, null], seen);
    }

    [Fact]
    public async Task ProcessActivityAsync_TwoTurnsOfOneConversation_NeverOverlap()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        var maxInside = 0;
        var transport = new RecordingTransport();
        var bot = new DelegateBot(async (turn, _) =>
        {
            maxInside = Math.Max(maxInside, Interlocked.Increment(ref inside));
            if (turn.Activity.Text == "first")
            {
                firstEntered.SetResult();
                await releaseFirst.Task;
            }
            turn.SendActivity(new Activity { Text = "re:" + turn.Activity.Text });
            Interlocked.Decrement(ref inside);
        });
        var adapter = Adapter(bot);

        var first = adapter.ProcessActivityAsync(Message("first"), transport, CancellationToken.None);
        await firstEntered.Task.WaitAsync(Patience);
        // Nothing in the adapter awaits before the bot unless the lock is contended, so without the conversation
        // lock the second turn would run the bot synchronously inside this call.
        var second = adapter.ProcessActivityAsync(Message("second"), transport, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.Equal(1, maxInside);
        releaseFirst.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.Equal(1, maxInside);
        Assert.Equal(["re:first", "re:second"], transport.Calls.Select(c => c.Replies.Single().Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_TurnsOfDifferentConversations_RunConcurrently()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new DelegateBot(async (turn, _) =>
        {
            if (turn.Activity.Conversation!.Id == "c1")
            {
                firstEntered.SetResult();
                await secondEntered.Task; // only completes if c2's turn runs while c1's is inside the bot
            }
            else secondEntered.SetResult();
        });
        var adapter = Adapter(bot);

        var first = adapter.ProcessActivityAsync(Message("a", "c1"), null, CancellationToken.None);
        await firstEntered.Task.WaitAsync(Patience);
        var second = adapter.ProcessActivityAsync(Message("b", "c2"), null, CancellationToken.None);

        await Task.WhenAll(first, second).WaitAsync(Patience);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrows_LockReleasedForNextTurn()
    {
        var calls = 0;
        var bot = new DelegateBot((_, _) => ++calls == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        var adapter = Adapter(bot);

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(Message("a"), null, CancellationToken.None));
        await adapter.ProcessActivityAsync(Message("b"), null, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, calls);
    }

    // Issue 7: a client that leaves mid-turn cancels it; the conversation must stay open to its next turn.
    [Fact]
    public async Task ProcessActivityAsync_TurnCancelledMidway_LockReleasedForNextTurn()
    {
        var entered = new TaskCompletionSource();
        var calls = 0;
        var bot = new DelegateBot(async (_, ct) =>
        {
            if (++calls > 1) return;
            entered.SetResult();
            await new TaskCompletionSource().Task.WaitAsync(ct);
        });
        var adapter = Adapter(bot);
        using var leaving = new CancellationTokenSource();

        var first = adapter.ProcessActivityAsync(Message("a"), null, leaving.Token);
        await entered.Task.WaitAsync(Patience);
        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await adapter.ProcessActivityAsync(Message("b"), null, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(2, calls);
    }
}
