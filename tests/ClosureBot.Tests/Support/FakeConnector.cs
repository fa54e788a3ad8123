using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClosureBot.Tests.Support;

/// <summary>
/// A channel's Connector service on a free port of 127.0.0.1: records every reply the bot posts to
/// <c>/v3/conversations/{id}/activities[/{replyToId}]</c> (and every update, <c>PUT …/activities/{id}</c>) and answers with the statuses it is told to (200 otherwise).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _scripted = new();
    private readonly List<(int Count, TaskCompletionSource Waiter)> _waiters = [];

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>Every request, in arrival order, with the status it was answered.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    /// <summary>The replies accepted (answered 2xx), in order.</summary>
    public IReadOnlyList<Received> Delivered => Requests.Where(r => r.Status is >= 200 and < 300).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", connector.HandleAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{replyToId}", connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>The next request is answered 429 Too Many Requests with <c>Retry-After</c>.</summary>
    public void ThrottleNext(int retryAfterSeconds) => _scripted.Enqueue(response =>
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfterSeconds.ToString();
        return Task.CompletedTask;
    });

    /// <summary>The next request is answered as usual (to script a refusal of a later one).</summary>
    public void AcceptNext() => _scripted.Enqueue(response => response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") }));

    public void RejectNext(int times)
    {
        for (var i = 0; i < times; i++)
            _scripted.Enqueue(response =>
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// The next request is held unanswered until the returned gate is completed; <paramref name="arrived"/> completes
    /// when that request is in (so a test can kill the bot while its reply is in flight).
    /// </summary>
    public TaskCompletionSource HoldNext(out Task arrived)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        arrived = reached.Task;
        _scripted.Enqueue(async response =>
        {
            reached.TrySetResult();
            await gate.Task;
            response.StatusCode = StatusCodes.Status200OK;
        });
        return gate;
    }

    /// <summary>Completes once <paramref name="count"/> replies were accepted (fails after <paramref name="limit"/>).</summary>
    public async Task WaitForDeliveredAsync(int count, TimeSpan limit)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((count, waiter));
        if (Delivered.Count >= count) waiter.TrySetResult();
        try
        {
            await waiter.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} delivered replies within {limit.TotalSeconds} s; got {Delivered.Count}.");
        }
    }

    private async Task HandleAsync(HttpContext http, string conversationId, string? replyToId)
    {
        var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
        string? id = null;
        if (_scripted.TryDequeue(out var respond))
            await respond(http.Response);
        else
            await http.Response.WriteAsJsonAsync(new { id = id = Guid.NewGuid().ToString("N") });
        Requests.Enqueue(new Received(conversationId, replyToId, body, http.Response.StatusCode, Stopwatch.GetTimestamp())
        {
            Method = http.Request.Method,
            ResponseId = id,
            Authorization = http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
        });
        var delivered = Delivered.Count;
        lock (_waiters)
            foreach (var (count, waiter) in _waiters)
                if (delivered >= count) waiter.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string ConversationId, string? ReplyToId, JsonObject Activity, int Status, long Timestamp)
    {
        public string? Text => (string?)Activity["text"];

        /// <summary>The bot's <c>Authorization</c> header on this reply, if any.</summary>
        public string? Authorization { get; init; }

        /// <summary><c>POST</c> (a new message) or <c>PUT</c> (an update of message <see cref="ReplyToId"/>).</summary>
        public string Method { get; init; } = "POST";

        /// <summary>The activity id this fake answered with (null for a scripted answer).</summary>
        public string? ResponseId { get; init; }
    }
}
