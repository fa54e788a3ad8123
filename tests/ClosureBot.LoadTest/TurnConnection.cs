using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClosureBot.LoadTest;

/// <summary>
/// One customer's keep-alive HTTP/1.1 connection to one bot, posting a JSON body and reading the whole response, as a
/// load generator such as <c>wrk</c> does: the request head is written once per URL and reused, the request goes out in
/// one send, and the response is read into a buffer the caller owns. It speaks only what a turn needs (POST with a
/// Content-Length; a response framed by Content-Length or chunked), so the generator leaves the machine's cores to the
/// bots it measures. Any error closes the connection; the next request opens a new one.
/// </summary>
public sealed class TurnConnection : IDisposable
{
    private const int MaxHeadBytes = 16 * 1024;
    private readonly Uri _url;
    private readonly byte[] _headStart;
    private byte[] _send = new byte[4096];
    private byte[] _receive = new byte[64 * 1024];
    private Socket? _socket;

    /// <param name="bearer">A token every request carries as <c>Authorization: Bearer</c>, or null for none.</param>
    public TurnConnection(Uri url, string? bearer = null)
    {
        if (url.Scheme != Uri.UriSchemeHttp) throw new ArgumentException($"Only http:// is spoken here, not {url.Scheme}.", nameof(url));
        if (bearer is not null && (bearer.Length == 0 || bearer.Any(c => c is < '!' or > '~')))
            throw new ArgumentException("A bearer token is printable ASCII without spaces.", nameof(bearer));
        _url = url;
        var authorization = bearer is null ? "" : $"Authorization: Bearer {bearer}\r\n";
        _headStart = Encoding.ASCII.GetBytes(
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\n{authorization}Content-Type: application/json\r\nContent-Length: ");
    }

    /// <summary>A new connection to each of <paramref name="urls"/>, in order, each request carrying <paramref name="bearer"/> when given.</summary>
    public static TurnConnection[] To(IReadOnlyList<Uri> urls, string? bearer = null) => urls.Select(u => new TurnConnection(u, bearer)).ToArray();

    public static void DisposeAll(IEnumerable<TurnConnection> connections)
    {
        foreach (var connection in connections) connection.Dispose();
    }

    /// <summary>The last response's body, valid until the next request.</summary>
    public ReadOnlySpan<byte> Body => _receive.AsSpan(_bodyStart, _bodyLength);

    private int _bodyStart, _bodyLength;

    /// <summary>Posts <paramref name="body"/>; returns the response's status code. Throws <see cref="IOException"/> on a broken or malformed exchange.</summary>
    public async Task<int> PostAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            _socket ??= await ConnectAsync(cancellationToken);
            await _socket.SendAsync(Frame(body.Span), SocketFlags.None, cancellationToken);
            return await ReadResponseAsync(_socket, cancellationToken);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        // Dual-mode, so "localhost" may resolve to either loopback address.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            EndPoint endPoint = IPAddress.TryParse(_url.Host, out var address) ? new IPEndPoint(address, _url.Port) : new DnsEndPoint(_url.Host, _url.Port);
            await socket.ConnectAsync(endPoint, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private ReadOnlyMemory<byte> Frame(ReadOnlySpan<byte> body)
    {
        var needed = _headStart.Length + 16 + body.Length;
        if (_send.Length < needed) _send = new byte[Math.Max(needed, _send.Length * 2)];
        _headStart.CopyTo(_send, 0);
        var at = _headStart.Length;
        Utf8Formatter.TryFormat(body.Length, _send.AsSpan(at), out var written);
        at += written;
        "\r\n\r\n"u8.CopyTo(_send.AsSpan(at));
        at += 4;
        body.CopyTo(_send.AsSpan(at));
        return _send.AsMemory(0, at + body.Length);
    }

    private async Task<int> ReadResponseAsync(Socket socket, CancellationToken cancellationToken)
    {
        // The head: read until the blank line that ends it.
        var length = 0;
        int headEnd;
        while ((headEnd = _receive.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (length >= MaxHeadBytes) throw new IOException("The response head is too long.");
            length += await ReceiveAsync(socket, length, cancellationToken);
        }
        var (status, contentLength, chunked, close) = ParseHead(_receive.AsSpan(0, headEnd));
        var bodyStart = headEnd + 4;

        if (status is < 200 or 204 or 304)
        {
            // No body, whatever the head says (RFC 9112, 6.3).
            if (length != bodyStart) throw new IOException("A response without a body has bytes after its head.");
            (_bodyStart, _bodyLength) = (bodyStart, 0);
        }
        else if (chunked)
        {
            await ReadChunkedAsync(socket, bodyStart, length, cancellationToken);
        }
        else
        {
            if (contentLength < 0) throw new IOException("The response has neither a Content-Length nor chunked framing.");
            EnsureRoom(bodyStart + contentLength);
            while (length < bodyStart + contentLength) length += await ReceiveAsync(socket, length, cancellationToken);
            if (length != bodyStart + contentLength) throw new IOException("The response is longer than its Content-Length.");
            (_bodyStart, _bodyLength) = (bodyStart, contentLength);
        }
        if (close) Dispose();
        return status;
    }

    /// <summary>
    /// Decodes a chunked body in place: its chunks, read from <paramref name="at"/> on (the first <paramref name="length"/>
    /// bytes of the buffer are already read), are moved together so that the body starts at <paramref name="at"/>.
    /// </summary>
    private async Task ReadChunkedAsync(Socket socket, int at, int length, CancellationToken cancellationToken)
    {
        var bodyStart = at;
        var bodyEnd = at; // decoded bytes end here; undecoded ones start at `at`
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _receive.AsSpan(at, length - at).IndexOf("\r\n"u8)) < 0)
            {
                if (length - at > 1024) throw new IOException("A chunk size line is too long.");
                length += await ReceiveAsync(socket, length, cancellationToken);
            }
            var sizeLine = _receive.AsSpan(at, lineEnd);
            var semicolon = sizeLine.IndexOf((byte)';'); // a chunk extension follows
            var digits = (semicolon >= 0 ? sizeLine[..semicolon] : sizeLine).Trim((byte)' ');
            if (!Utf8Parser.TryParse(digits, out int size, out var consumed, 'x') || consumed != digits.Length || size < 0)
                throw new IOException("A chunk size is not a hexadecimal number.");
            at += lineEnd + 2;
            if (size == 0)
            {
                // No trailers are expected: the last chunk is followed by the final blank line.
                while (length - at < 2) length += await ReceiveAsync(socket, length, cancellationToken);
                if (!_receive.AsSpan(at, 2).SequenceEqual("\r\n"u8)) throw new IOException("The chunked response has trailers or is malformed.");
                if (length != at + 2) throw new IOException("The response is longer than its last chunk.");
                (_bodyStart, _bodyLength) = (bodyStart, bodyEnd - bodyStart);
                return;
            }
            EnsureRoom(at + size + 2);
            while (length - at < size + 2) length += await ReceiveAsync(socket, length, cancellationToken);
            if (!_receive.AsSpan(at + size, 2).SequenceEqual("\r\n"u8)) throw new IOException("A chunk does not end with CRLF.");
            _receive.AsSpan(at, size).CopyTo(_receive.AsSpan(bodyEnd));
            bodyEnd += size;
            at += size + 2;
        }
    }

    private async ValueTask<int> ReceiveAsync(Socket socket, int length, CancellationToken cancellationToken)
    {
        EnsureRoom(length + 4096);
        var read = await socket.ReceiveAsync(_receive.AsMemory(length), SocketFlags.None, cancellationToken);
        return read > 0 ? read : throw new IOException("The server closed the connection.");
    }

    private void EnsureRoom(int size)
    {
        if (_receive.Length < size) Array.Resize(ref _receive, Math.Max(size, _receive.Length * 2));
    }

    /// <summary>The status code and the framing headers of a response head (without its final blank line).</summary>
    private static (int Status, int ContentLength, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        if (!statusLine.StartsWith("HTTP/1.1 "u8) || statusLine.Length < 12
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var digits) || digits != 3)
            throw new IOException("The response does not start with an HTTP/1.1 status line.");

        var contentLength = -1;
        var chunked = false;
        var close = false;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) throw new IOException("A response header has no name.");
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out int parsed, out var used) || used != value.Length || parsed < 0)
                    throw new IOException("The response's Content-Length is not a number.");
                contentLength = parsed;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
                if (!chunked) throw new IOException("The response's Transfer-Encoding is not chunked.");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }
        return (status, contentLength, chunked, close);
    }
}
