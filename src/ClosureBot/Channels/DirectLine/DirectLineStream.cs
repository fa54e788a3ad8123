using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// The WebSocket behind <c>streamUrl</c>: replays the log after the watermark, then sends every new activity as an
/// ActivitySet frame, with an empty frame as keep-alive. Frames from the client (its pings) are ignored.
/// </summary>
public static class DirectLineStream
{
    public static async Task AcceptAsync(HttpContext http, string conversationId, DirectLineTokenService tokens, DirectLineActivityLog log,
        IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("Connect to the streamUrl with a WebSocket.").ExecuteAsync(http);
            return;
        }
        var check = tokens.ValidateStream(http.Request.Query["t"].ToString());
        var refusal = check.Status switch
        {
            TokenCheck.State.Invalid => DirectLineErrors.BadToken(),
            TokenCheck.State.Expired => DirectLineErrors.TokenExpired(),
            _ when check.Grant!.ConversationId != conversationId => DirectLineErrors.OtherConversation(),
            _ when !DirectLineEndpoints.TryParseWatermark(http.Request.Query["watermark"], out _) => DirectLineErrors.BadArgument("Bad watermark."),
            _ => null,
        };
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        DirectLineEndpoints.TryParseWatermark(http.Request.Query["watermark"], out var after);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var subscription = log.Subscribe(conversationId);
        var receiving = IgnoreIncomingAsync(socket, stop);
        try
        {
            await StreamAsync(socket, conversationId, after, log, subscription, options.Value.KeepAliveInterval, time, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client left or the app is stopping; nothing to tell anyone.
        }
        await stop.CancelAsync();
        await receiving;
    }

    private static async Task StreamAsync(WebSocket socket, string conversationId, long after, DirectLineActivityLog log,
        DirectLineActivityLog.Subscription subscription, TimeSpan keepAlive, TimeProvider time, CancellationToken ct)
    {
        var lastSent = await SendBacklogAsync(socket, conversationId, after, log, ct);

        using var timer = new PeriodicTimer(keepAlive, time);
        var tick = timer.WaitForNextTickAsync(ct).AsTask();
        var ready = subscription.Reader.WaitToReadAsync(ct).AsTask();
        while (true)
        {
            if (await Task.WhenAny(ready, tick) == tick)
            {
                if (!await tick) return;
                await SendAsync(socket, "", ct);
                tick = timer.WaitForNextTickAsync(ct).AsTask();
                continue;
            }
            if (!await ready) return;
            var batch = new List<string>();
            long? watermark = null;
            var behind = false;
            List<StreamItem>? afterBacklog = null;
            while (subscription.Reader.TryRead(out var item))
            {
                if (item.Sequence is { } sequence)
                {
                    if (sequence <= lastSent) continue;
                    // Appended by another instance, or after a number this stream has not seen yet: the store has them
                    // all, in order, so read from there rather than send out of order.
                    if (item.IsNotice || sequence != lastSent + 1)
                    {
                        behind = true;
                        continue;
                    }
                    lastSent = sequence;
                    watermark = sequence;
                }
                else if (behind)
                {
                    // An ephemeral activity waits for the store's read, which may already hold what came after it.
                    (afterBacklog ??= []).Add(item);
                    continue;
                }
                else if (IsStale(item, lastSent))
                {
                    continue;
                }
                batch.Add(item.Json);
            }
            if (batch.Count > 0) await SendAsync(socket, DirectLineEndpoints.ActivitySet(batch, watermark), ct);
            if (behind) lastSent = await SendBacklogAsync(socket, conversationId, lastSent, log, ct);
            if (afterBacklog?.Where(i => !IsStale(i, lastSent)).Select(i => i.Json).ToList() is { Count: > 0 } current)
                await SendAsync(socket, DirectLineEndpoints.ActivitySet(current, null), ct);
            ready = subscription.Reader.WaitToReadAsync(ct).AsTask();
        }
    }

    // An ephemeral activity that follows a logged one this stream has already sent something after (a typing indicator
    // whose turn's replies are out): sent now, it would tell the customer the bot is still typing.
    private static bool IsStale(StreamItem ephemeral, long lastSent) => ephemeral.Follows is { } follows && follows < lastSent;

    // Everything in the log after `after`, a page at a time; returns the last sequence sent.
    private static async Task<long> SendBacklogAsync(WebSocket socket, string conversationId, long after, DirectLineActivityLog log, CancellationToken ct)
    {
        while (true)
        {
            var (backlog, watermark) = await log.ReadAsync(conversationId, after, ct);
            if (backlog.Count == 0) return after;
            await SendAsync(socket, DirectLineEndpoints.ActivitySet(backlog.Select(i => i.Json), watermark), ct);
            after = watermark;
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);

    private static async Task IgnoreIncomingAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, stop.Token);
                if (frame.MessageType != WebSocketMessageType.Close) continue;
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed from either side.
        }
        await stop.CancelAsync();
    }
}
