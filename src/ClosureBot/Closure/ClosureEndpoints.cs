using System.Security.Cryptography;
using System.Text;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Serialization;
using ClosureBot.RateLimits;
using Microsoft.Extensions.Options;

namespace ClosureBot.Closure;

public static class ClosureEndpoints
{
    /// <summary>
    /// <c>GET /admin/closure-requests</c> (the logged requests with everyone who asked) and <c>GET /admin/audit</c> (the
    /// newest 1,000 audit entries), for callers holding <c>Admin:ApiKey</c>, limited by <see cref="RateLimitPolicies.AdminPerClient"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapClosureAdmin(this IEndpointRouteBuilder endpoints)
    {
        // Limited per client address before the key is checked, so the key cannot be guessed at speed.
        var admin = endpoints.MapGroup("/admin").RequireRateLimiting(RateLimitPolicies.AdminPerClient);
        admin.MapGet("/closure-requests", (HttpContext http, IClosureLog log, IOptions<AdminOptions> options) =>
            AnswerAsync(http, options.Value, async ct => await log.ListAsync(ct)));
        admin.MapGet("/audit", (HttpContext http, IClosureLog log, IOptions<AdminOptions> options) =>
            AnswerAsync(http, options.Value, async ct => await log.ListAuditAsync(MaxAuditEntries, ct)));
        return endpoints;
    }

    private const int MaxAuditEntries = 1_000;

    private static async Task AnswerAsync<T>(HttpContext http, AdminOptions options, Func<CancellationToken, Task<T>> read)
    {
        if (!IsAuthorized(http.Request.Headers["X-Api-Key"], options.ApiKey))
        {
            await BotEndpoint.WriteErrorAsync(http, StatusCodes.Status401Unauthorized,
                ErrorResponse.Of("Unauthorized", "Send the admin key in the X-Api-Key header."));
            return;
        }
        await http.Response.WriteAsJsonAsync(await read(http.RequestAborted), ProtocolJson.Options, http.RequestAborted);
    }

    private static bool IsAuthorized(string? presented, string? expected) =>
        !string.IsNullOrEmpty(expected) && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
