using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using Microsoft.AspNetCore.Http;

namespace ClosureBot.Protocol.Hosting;

/// <summary>
/// Reads one activity from an HTTP request, turning every kind of bad input into a protocol error: a body over
/// 1 MiB is 413, anything that is not an activity or breaks one of the <see cref="ActivityLimits"/> is 400.
/// </summary>
public static class ActivityReader
{
    /// <summary>Largest body accepted: 1 MiB (<see cref="ActivityLimits.MaxBodyBytes"/>).</summary>
    public const int MaxBodyBytes = ActivityLimits.MaxBodyBytes;

    /// <summary>The parsed activity, or the error to answer with (and nothing else happens).</summary>
    public readonly record struct Result(Activity? Activity, int StatusCode, ErrorResponse? Error);

    /// <summary>Reads and validates the body of <paramref name="request"/>.</summary>
    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
            return Fail(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be JSON (Content-Type: application/json).");
        if (request.ContentLength > MaxBodyBytes)
            return TooLarge();

        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } length and > 0 ? (int)length + 1 : 16 * 1024);
        try
        {
            var count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (count > MaxBodyBytes) return TooLarge();
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, count).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                count += read;
                if (count > MaxBodyBytes) return TooLarge();
            }
            return Parse(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses and validates an activity from UTF-8 JSON.</summary>
    public static Result Parse(ReadOnlySpan<byte> json)
    {
        Activity? activity;
        try
        {
            // The protocol's options with the nesting bound: a deeply nested body fails while it is read, not after.
            activity = ActivityJson.Deserialize(json);
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest, "MalformedJson", $"The body is not a valid activity: {Describe(ex)}");
        }
        if (activity is null)
            return Fail(StatusCodes.Status400BadRequest, "MissingActivity", "The body must be an activity object.");
        if (string.IsNullOrWhiteSpace(activity.Type))
            return Fail(StatusCodes.Status400BadRequest, "MissingType", "The activity has no 'type'.");
        if (ActivityLimits.Check(activity) is { } violation)
            return Fail(StatusCodes.Status400BadRequest, violation.Code, violation.Message);
        return new Result(activity, StatusCodes.Status200OK, null);
    }

    // The reader's own words (position and reason), without the inner exception's text or the offending value.
    private static string Describe(JsonException ex) =>
        ex.Path is { Length: > 0 } path && path.Length <= 200 ? $"invalid JSON at {path} (line {ex.LineNumber}, byte {ex.BytePositionInLine})."
            : $"invalid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}).";

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static Result TooLarge() =>
        Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body is larger than {MaxBodyBytes} bytes.");

    private static Result Fail(int status, string code, string message) => new(null, status, ErrorResponse.Of(code, message));
}
