using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClosureBot.Hosting;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Tests.Support;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace ClosureBot.Tests.Hosting;

public class SelfRequestWarmerTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://+:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://*:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://localhost:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://[::]:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://[::1]:3978", "http://[::1]:3978/")]
    [InlineData("http://bot.internal:8080", "http://bot.internal:8080/")]
    public void OwnAddress_OfAPlainHttpBinding_IsOneThisProcessReaches(string binding, string expected) =>
        Assert.Equal(new Uri(expected), SelfRequestWarmer.OwnAddress([binding]));

    [Fact]
    public void OwnAddress_SkipsHttpsAndWhatIsNotAnAddress_AndTakesTheFirstPlainOne()
    {
        Assert.Null(SelfRequestWarmer.OwnAddress([]));
        Assert.Null(SelfRequestWarmer.OwnAddress(["https://0.0.0.0:443"]));
        Assert.Null(SelfRequestWarmer.OwnAddress(["not an address", "http://unix:/tmp/closurebot.sock"]));
        Assert.Equal(new Uri("http://127.0.0.1:80/"), SelfRequestWarmer.OwnAddress(["https://[::]:443", "http://0.0.0.0:80", "http://10.0.0.5:81"]));
    }

    [Fact]
    public void Body_IsAWholeActivityThatTheReaderRefuses_BeforeAnythingElseRuns()
    {
        var read = ActivityReader.Parse(SelfRequestWarmer.Body);

        Assert.Null(read.Activity);
        Assert.Equal(400, read.StatusCode);
        Assert.Equal("MissingType", read.Error!.Error.Code);
        // Everything else a channel sends is there and readable: only the type is missing.
        var typed = System.Text.Encoding.UTF8.GetString(SelfRequestWarmer.Body).Replace("\"type\":\" \"", "\"type\":\"message\"");
        var whole = ActivityReader.Parse(System.Text.Encoding.UTF8.GetBytes(typed));
        Assert.NotNull(whole.Activity);
        Assert.Equal("closurebot-warm-up", whole.Activity!.Conversation!.Id);
        Assert.Equal("warm-up", whole.Activity.Text);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{}", 400)]
    [InlineData("HTTP/1.1 401 Unauthorized\r\n\r\n", 401)]
    [InlineData("HTTP/1.1 400 Bad Request", 0)]
    [InlineData("", 0)]
    [InlineData("HTTP/1.1 4000 Huge\r\n", 0)]
    [InlineData("SSH-2.0-OpenSSH\r\n", 0)]
    public void StatusOf_ReadsTheFirstLineOfAnAnswer_OrGivesZero(string answer, int expected) =>
        Assert.Equal(expected, SelfRequestWarmer.StatusOf(System.Text.Encoding.ASCII.GetBytes(answer)));

    [Fact]
    public async Task WarmAsync_OnceTheServerListens_PostsTheActivityTwice_TheSecondInHalvesApart_AndGivesTheLastAnswer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var lifetime = new Lifetime();
        var warming = new SelfRequestWarmer(new AddressedServer($"http://0.0.0.0:{port}"), lifetime).WarmAsync(CancellationToken.None);

        // Nothing goes out before the server has started.
        var firstConnection = listener.AcceptTcpClientAsync();
        await Task.Delay(300);
        Assert.False(firstConnection.IsCompleted);
        lifetime.Started();

        var whole = await AnswerAsync(await firstConnection, "400 Bad Request");
        var halved = await AnswerAsync(await listener.AcceptTcpClientAsync(), "418 I'm a teapot");

        Assert.Equal(418, await warming);
        foreach (var request in new[] { whole, halved })
        {
            Assert.StartsWith($"POST {BotEndpoint.DefaultPattern} HTTP/1.1\r\n", request.Head);
            Assert.Contains($"\r\nHost: 127.0.0.1:{port}\r\n", request.Head);
            Assert.Contains("\r\nContent-Type: application/json\r\n", request.Head);
            Assert.Contains($"\r\nContent-Length: {SelfRequestWarmer.Body.Length}\r\n", request.Head);
            Assert.Contains("\r\nConnection: close\r\n", request.Head);
            Assert.Equal(SelfRequestWarmer.Body, request.Body);
        }
        // The second: its head and the body's first half arrived, then nothing for a while, then the rest.
        var halfway = halved.Reads.FindIndex(r => r.Received == halved.HeadLength + SelfRequestWarmer.Body.Length / 2);
        Assert.InRange(halfway, 0, halved.Reads.Count - 2);
        Assert.True(halved.Reads[halfway + 1].AtMs - halved.Reads[halfway].AtMs >= 10,
            string.Join(", ", halved.Reads.Select(r => $"{r.Received} B at {r.AtMs:0.0} ms")));
    }

    [Fact]
    public async Task WarmAsync_WithoutAPlainHttpAddress_SendsNothing_AndWhereNothingListens_Throws()
    {
        var started = new Lifetime();
        started.Started();

        Assert.Null(await new SelfRequestWarmer(new AddressedServer("https://0.0.0.0:443"), started).WarmAsync(CancellationToken.None));
        Assert.Null(await new SelfRequestWarmer(new AddressedServer(), started).WarmAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<SocketException>(() =>
            new SelfRequestWarmer(new AddressedServer($"http://127.0.0.1:{LoopbackPort.Free()}"), started).WarmAsync(CancellationToken.None));
    }

    private sealed record Request(string Head, int HeadLength, byte[] Body, List<(int Received, double AtMs)> Reads);

    // Reads one request as it arrives (each read's running total and time), answers it with the status and closes. On a
    // thread of its own, blocked in its reads, so each read returns as its bytes arrive, not when a pool thread is free.
    private static Task<Request> AnswerAsync(TcpClient client, string status) =>
        Task.Factory.StartNew(() => Answer(client, status), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Request Answer(TcpClient client, string status)
    {
        using var connection = client;
        connection.ReceiveTimeout = 10_000;
        var stream = connection.GetStream();
        var clock = Stopwatch.StartNew();
        var received = new List<byte>();
        var reads = new List<(int, double)>();
        var buffer = new byte[4096];
        int headLength = -1, contentLength = -1;
        while (headLength < 0 || received.Count < headLength + contentLength)
        {
            var read = stream.Read(buffer);
            if (read == 0) throw new InvalidOperationException($"The request ended after {received.Count} bytes.");
            received.AddRange(buffer.AsSpan(0, read));
            reads.Add((received.Count, clock.Elapsed.TotalMilliseconds));
            var end = Encoding.ASCII.GetString([.. received]).IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headLength < 0 && end >= 0)
            {
                headLength = end + 4;
                var head = Encoding.ASCII.GetString([.. received], 0, headLength);
                contentLength = int.Parse(head.Split("\r\n").Single(h => h.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..]);
            }
        }
        stream.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return new Request(Encoding.ASCII.GetString([.. received], 0, headLength), headLength, [.. received.Skip(headLength)], reads);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();
        public void Started() => _started.Cancel();
        public CancellationToken ApplicationStarted => _started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
