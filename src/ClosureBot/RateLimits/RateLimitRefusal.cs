using System.Globalization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.RateLimits;

/// <summary>The one answer to a request over a limit: 429, <c>Retry-After</c> in whole seconds, <c>{"error":{"code","message"}}</c>.</summary>
public static class RateLimitRefusal
{
    public const string Code = "TooManyRequests";

    /// <summary>As an endpoint's result.</summary>
    public static IResult Result(TimeSpan retryAfter) => new Refusal(retryAfter);

    public static Task WriteAsync(HttpContext http, TimeSpan retryAfter, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return http.Response.WriteAsJsonAsync(
            ErrorResponse.Of(Code, $"Too many requests; try again in {Seconds(retryAfter)} s."), ProtocolJson.Options, ct);
    }

    /// <summary>Whole seconds, rounded up, at least one: a client that waits that long finds a permit.</summary>
    public static long Seconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    private sealed class Refusal(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, retryAfter, httpContext.RequestAborted);
    }
}
