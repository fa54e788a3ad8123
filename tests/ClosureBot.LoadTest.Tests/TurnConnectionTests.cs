using System.Net;
using System.Net.Sockets;
using System.Text;
using ClosureBot.LoadTest;

namespace ClosureBot.LoadTest.Tests;

/// <summary>
/// The generator's HTTP/1.1 connection against a scripted server on a loopback port: each accepted connection answers
/// its requests with the given raw responses, written in the given pieces, and records the requests it read.
/// </summary>
public sealed class TurnConnectionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Post_ContentLengthResponses_ReadsEachBodyOnOneKeptConnection()
    {
        await using var server = new ScriptedServer(
        [
            ["HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{\"activities\":[]}"],
            ["HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "he", "llo"],
        ]);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        Assert.Equal(200, await connection.PostAsync("{\"text\":\"yes\"}"u8.ToArray(), timeout.Token));
        Assert.Equal("{\"activities\":[]}", Encoding.UTF8.GetString(connection.Body));
        Assert.Equal(200, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.Equal("hello", Encoding.UTF8.GetString(connection.Body));

        Assert.Equal(1, server.Connections);
        var first = server.Requests[0];
        Assert.StartsWith($"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n", first);
        Assert.EndsWith("\r\n\r\n{\"text\":\"yes\"}", first);
    }

    [Fact]
    public async Task Post_ToLocalhostByName_Connects()
    {
        await using var server = new ScriptedServer([["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]]);
        using var connection = new TurnConnection(new Uri($"http://localhost:{server.Port}/api/messages"));
        using var timeout = new CancellationTokenSource(Limit);

        Assert.Equal(200, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.StartsWith($"POST /api/messages HTTP/1.1\r\nHost: localhost:{server.Port}\r\n", server.Requests[0]);
    }

    [Fact]
    public async Task Post_WithABearer_SendsItOnEveryRequestOfTheConnection()
    {
        await using var server = new ScriptedServer(
        [
            ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"],
            ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"],
        ]);
        using var connection = new TurnConnection(server.MessagesUrl, "eyJ.a-b_c.d");
        using var timeout = new CancellationTokenSource(Limit);

        Assert.Equal(200, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.Equal(200, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));

        Assert.All(server.Requests, request => Assert.StartsWith(
            $"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nAuthorization: Bearer eyJ.a-b_c.d\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n", request));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("token\r\nX-Injected: 1")]
    [InlineData("tökén")]
    public void New_BearerThatIsNotOneHeaderToken_IsRefused(string bearer) =>
        Assert.Throws<ArgumentException>(() => new TurnConnection(new Uri("http://127.0.0.1:1/api/messages"), bearer));

    [Fact]
    public void New_HttpsUrl_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new TurnConnection(new Uri("https://127.0.0.1:1/api/messages")));

    [Fact]
    public async Task Post_ChunkedResponseInSmallPieces_DecodesTheBody()
    {
        await using var server = new ScriptedServer(
        [
            ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "5\r\n{\"act", "\r\n9\r\nivities\":\r\n", "A;ext=1\r\n[{\"a\":1}]}\r\n", "0\r\n", "\r\n"],
        ]);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        Assert.Equal(200, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));

        Assert.Equal("{\"activities\":[{\"a\":1}]}", Encoding.UTF8.GetString(connection.Body));
    }

    [Fact]
    public async Task Post_LargeBody_GrowsTheBuffer()
    {
        var large = new string('x', 200_000);
        await using var server = new ScriptedServer([[$"HTTP/1.1 200 OK\r\nContent-Length: {large.Length}\r\n\r\n{large}"]]);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        Assert.Equal(200, await connection.PostAsync(Encoding.UTF8.GetBytes(large), timeout.Token));

        Assert.Equal(large, Encoding.UTF8.GetString(connection.Body));
        Assert.EndsWith($"Content-Length: {large.Length}\r\n\r\n{large}", server.Requests[0]);
    }

    [Fact]
    public async Task Post_NoContentAndErrorStatus_AreReturnedWithTheirBodies()
    {
        await using var server = new ScriptedServer(
        [
            ["HTTP/1.1 204 No Content\r\n\r\n"],
            ["HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 2\r\n\r\n{}"],
        ]);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        Assert.Equal(204, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.Equal(0, connection.Body.Length);
        Assert.Equal(429, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.Equal("{}", Encoding.UTF8.GetString(connection.Body));
    }

    [Fact]
    public async Task Post_AfterConnectionClose_OpensANewConnection()
    {
        await using var server = new ScriptedServer(
        [
            ["HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na"],
            ["HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb"],
        ], requestsPerConnection: 1);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        await connection.PostAsync("{}"u8.ToArray(), timeout.Token);
        Assert.Equal("a", Encoding.UTF8.GetString(connection.Body));
        await connection.PostAsync("{}"u8.ToArray(), timeout.Token);
        Assert.Equal("b", Encoding.UTF8.GetString(connection.Body));

        Assert.Equal(2, server.Connections);
    }

    [Theory]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab", "longer than its Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "neither a Content-Length nor chunked")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "not chunked")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "hexadecimal")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", "CRLF")]
    [InlineData("HTTP/1.1 200 OK\r\nbroken header\r\nContent-Length: 0\r\n\r\n", "no name")]
    public async Task Post_MalformedResponse_FailsWithTheReasonAndReconnectsNextTime(string response, string reason)
    {
        await using var server = new ScriptedServer([[response], ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]], requestsPerConnection: 1);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        var error = await Assert.ThrowsAsync<IOException>(() => connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.Contains(reason, error.Message);

        Assert.Equal(200, await connection.PostAsync("{}"u8.ToArray(), timeout.Token));
        Assert.Equal("ok", Encoding.UTF8.GetString(connection.Body));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Post_ServerClosesMidResponse_FailsWithIOException()
    {
        await using var server = new ScriptedServer([["HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"]], requestsPerConnection: 1);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(Limit);

        var error = await Assert.ThrowsAsync<IOException>(() => connection.PostAsync("{}"u8.ToArray(), timeout.Token));

        Assert.Contains("closed the connection", error.Message);
    }

    [Fact]
    public async Task Post_ServerNeverAnswers_IsCancelledByTheTimeout()
    {
        await using var server = new ScriptedServer([], requestsPerConnection: 1);
        using var connection = new TurnConnection(server.MessagesUrl);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.PostAsync("{}"u8.ToArray(), timeout.Token));
    }

    /// <summary>
    /// Answers the n-th request it reads (over all connections) with the n-th script, written piece by piece; closes a
    /// connection after <c>requestsPerConnection</c> requests, or holds it open without answering once the scripts run out.
    /// </summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly IReadOnlyList<string[]> _scripts;
        private readonly int _requestsPerConnection;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _next;
        private int _connections;

        public ScriptedServer(IReadOnlyList<string[]> scripts, int requestsPerConnection = int.MaxValue)
        {
            (_scripts, _requestsPerConnection) = (scripts, requestsPerConnection);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public Uri MessagesUrl => new($"http://127.0.0.1:{Port}/api/messages");
        public int Connections => Volatile.Read(ref _connections);
        public List<string> Requests { get; } = [];

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try { await _accepting; } catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { }
        }

        private async Task AcceptAsync()
        {
            var served = new List<Task>();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    served.Add(ServeAsync(client));
                }
            }
            finally
            {
                await Task.WhenAll(served.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            client.NoDelay = true;
            var stream = client.GetStream();
            var buffer = new byte[512 * 1024];
            var length = 0;
            for (var served = 0; served < _requestsPerConnection; served++)
            {
                // One request: a head with a Content-Length, then that many bytes.
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(length), _stop.Token);
                    if (read == 0) return;
                    length += read;
                }
                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var bodyLength = int.Parse(head.Split("\r\n").Single(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..]);
                while (length < headEnd + 4 + bodyLength)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(length), _stop.Token);
                    if (read == 0) return;
                    length += read;
                }
                var requestLength = headEnd + 4 + bodyLength;
                lock (Requests) Requests.Add(Encoding.UTF8.GetString(buffer, 0, requestLength));
                buffer.AsSpan(requestLength, length - requestLength).CopyTo(buffer);
                length -= requestLength;

                var index = Interlocked.Increment(ref _next) - 1;
                if (index >= _scripts.Count)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                foreach (var piece in _scripts[index])
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(piece), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(5, _stop.Token);
                }
            }
        }
    }
}
