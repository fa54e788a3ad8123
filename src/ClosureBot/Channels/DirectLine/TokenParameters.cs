using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// The optional body of <c>/tokens/generate</c> and <c>/conversations</c>: <c>{user:{id,name}, locale}</c>, at most
/// <see cref="MaxBodyBytes"/>, with the id, name and locale within the <see cref="ActivityLimits"/>; otherwise null (400).
/// </summary>
public sealed record TokenParameters(string? UserId, string? UserName, string? Locale)
{
    public const int MaxBodyBytes = 16 * 1024;

    public static async Task<TokenParameters?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType()) return new TokenParameters(null, null, null);
        if (request.ContentLength > MaxBodyBytes) return null;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(new LimitedStream(buffer, MaxBodyBytes), ct);
            var body = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = 8 });
            if (body is null) return new TokenParameters(null, null, null);
            if (body is not JsonObject o || o["user"] is { } user && user is not JsonObject) return null;
            if (!TryText(o["user"]?["id"], ActivityLimits.MaxIdLength, out var id) || !TryText(o["user"]?["name"], ActivityLimits.MaxNameLength, out var name)
                || !TryText(o["locale"], ActivityLimits.MaxNameLength, out var locale)) return null;
            return new TokenParameters(id, name, locale);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or InvalidDataException)
        {
            return null;
        }
    }

    // Refuses to take more than the limit, so a chunked body cannot grow the buffer without bound.
    private sealed class LimitedStream(Stream inner, int limit) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (inner.Length + count > limit) throw new InvalidDataException("The body is too large.");
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (inner.Length + buffer.Length > limit) throw new InvalidDataException("The body is too large.");
            return inner.WriteAsync(buffer, cancellationToken);
        }
    }

    // Absent or blank is fine (null); a number, object or over-long string where a string belongs is a bad request.
    private static bool TryText(JsonNode? node, int maxLength, out string? text)
    {
        text = null;
        if (node is null) return true;
        if (node is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length > maxLength) return false;
        text = string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return true;
    }
}
