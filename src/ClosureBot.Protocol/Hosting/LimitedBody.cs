using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace ClosureBot.Protocol.Hosting;

/// <summary>
/// Reads a small request body whole, up to a limit of the endpoint's own, so that the endpoint answers a larger one
/// (413) itself: the server's limit, far above it, would otherwise surface as an exception while the body is read.
/// </summary>
public static class LimitedBody
{
    /// <summary>
    /// The body of <paramref name="request"/>, or null when it is larger than <paramref name="maxBytes"/>: known from its
    /// Content-Length before anything is read, or, sent chunked, once one byte more than the limit has arrived.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (request.ContentLength > maxBytes) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var count = 0;
            while (count <= maxBytes)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(count, maxBytes + 1 - count), cancellationToken).ConfigureAwait(false);
                if (read == 0) return buffer.AsSpan(0, count).ToArray();
                count += read;
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
