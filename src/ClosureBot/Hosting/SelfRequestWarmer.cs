using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ClosureBot.Hosting;

/// <summary>
/// The start-up warm-up's last part: once the server listens, two requests to the app's own messaging endpoint over
/// loopback. The first request after a start otherwise runs, on a customer's time, what only a real request runs:
/// Kestrel's connection and HTTP parser, the routing matcher (built on the first request), every middleware's first
/// pass, the request logging, and the endpoint's body reader and error answer (measured: the first message after a
/// start waited 67–79 ms in the <c>dotnet build</c> output, against about 2 ms for a later one;
/// tests/ClosureBot.LoadTest/MEASUREMENTS.md, fortieth measurement).
/// </summary>
/// <remarks>
/// The requests change nothing: their activity has no type, so the reader turns it away with 400 before authentication,
/// before any turn, store or reply. They log no warning (a refused channel token would), only the request log's two lines
/// at Information. They are sent only to a plain <c>http://</c> address Kestrel reports (a wildcard or
/// <c>localhost</c> as 127.0.0.1), each on a connection of its own; an app serving only HTTPS or on a Unix socket, or
/// hosted without Kestrel (the tests' in-memory server), is not warmed this way. Nothing of the requests or their answers
/// is kept but the last status code.
/// </remarks>
internal sealed class SelfRequestWarmer(IServer server, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// A whole message activity as a channel sends it, so the reader reads every usual field, but with a blank type,
    /// which the reader refuses (<c>MissingType</c>).
    /// </summary>
    internal static readonly byte[] Body = Encoding.UTF8.GetBytes("""
        {"type":" ","id":"closurebot-warm-up-1","timestamp":"2026-01-01T00:00:00.000Z","channelId":"webchat",
         "serviceUrl":"https://closurebot-warm-up.invalid/","from":{"id":"closurebot-warm-up","name":"Warm-up","role":"user"},
         "conversation":{"id":"closurebot-warm-up"},"recipient":{"id":"closurebot","name":"ClosureBot","role":"bot"},
         "locale":"en-US","text":"warm-up","textFormat":"plain","channelData":{"clientActivityID":"closurebot-warm-up"},
         "entities":[{"type":"ClientCapabilities","requiresBotState":true}],"deliveryMode":"expectReplies"}
        """);

    /// <summary>
    /// Waits for the server to listen, then sends the request twice: first in one piece, which compiles the path; then in
    /// two halves with a pause between, so the endpoint waits for the rest of the body, as it does for a customer's request
    /// from across a network, and the server, every middleware and the endpoint take their asynchronous continuations too.
    /// Returns the second answer's status code, or null when the app has no plain HTTP address of its own to send it to.
    /// </summary>
    public async Task<int?> WarmAsync(CancellationToken cancellationToken)
    {
        await StartedAsync(cancellationToken).ConfigureAwait(false);
        if (OwnAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } own) return null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        await SendAsync(own, halved: false, limit.Token).ConfigureAwait(false);
        return await SendAsync(own, halved: true, limit.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// One request on a connection of its own, written on the socket (no HTTP client is loaded for it); returns the
    /// answer's status code, read from the answer's first line once the server has closed the connection.
    /// </summary>
    private static async Task<int> SendAsync(Uri own, bool halved, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (IPAddress.TryParse(own.DnsSafeHost, out var ip)) await socket.ConnectAsync(new IPEndPoint(ip, own.Port), cancellationToken).ConfigureAwait(false);
        else await socket.ConnectAsync(own.DnsSafeHost, own.Port, cancellationToken).ConfigureAwait(false);
        var head = Encoding.ASCII.GetBytes(
            $"POST {BotEndpoint.DefaultPattern} HTTP/1.1\r\nHost: {own.Authority}\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n");
        var first = halved ? Body.Length / 2 : Body.Length;
        byte[] start = [.. head, .. Body.AsSpan(0, first)];
        await socket.SendAsync(start, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (first < Body.Length)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
            await socket.SendAsync(Body.AsMemory(first), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        var answer = new byte[MaxAnswerBytes];
        var length = 0;
        int read;
        while (length < answer.Length && (read = await socket.ReceiveAsync(answer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        return StatusOf(answer.AsSpan(0, length));
    }

    // The error answer is under 200 bytes; anything longer than this is not read further.
    private const int MaxAnswerBytes = 16 * 1024;

    /// <summary>The status code of an HTTP/1.1 answer (<c>HTTP/1.1 400 Bad Request</c>), or 0 when it has none.</summary>
    internal static int StatusOf(ReadOnlySpan<byte> answer)
    {
        var line = Encoding.ASCII.GetString(answer[..Math.Max(0, answer.IndexOf("\r\n"u8))]);
        var parts = line.Split(' ');
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599 ? status : 0;
    }

    /// <summary>
    /// The first plain-HTTP address among Kestrel's, as one this process can reach over loopback: a wildcard binding
    /// (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) and <c>localhost</c> become 127.0.0.1; a named address, or
    /// one of loopback's, stays as it is. Null when there is none.
    /// </summary>
    internal static Uri? OwnAddress(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (ListeningAddress.Parse(address) is not { } uri || uri.Scheme != Uri.UriSchemeHttp) continue;
            // Kestrel listens on an IPv6 wildcard in dual mode, so IPv4's loopback reaches it too, also in a container whose
            // loopback has no IPv6.
            var local = uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(uri.IdnHost, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
            return local ? new UriBuilder(Uri.UriSchemeHttp, IPAddress.Loopback.ToString(), uri.Port).Uri
                : new Uri(uri.GetLeftPart(UriPartial.Authority));
        }
        return null;
    }

    private async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
