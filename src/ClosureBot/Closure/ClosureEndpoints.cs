using System.Security.Cryptography;
using System.Text;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Storage;
using Microsoft.Extensions.Options;

namespace ClosureBot.Closure;

public static class ClosureEndpoints
{
    /// <summary><c>GET /admin/closure-requests</c>: the logged requests, for callers holding <c>Admin:ApiKey</c>.</summary>
    public static IEndpointRouteBuilder MapClosureAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/closure-requests", async (HttpContext http, IBotStore store, IOptions<AdminOptions> options) =>
        {
            if (!IsAuthorized(http.Request.Headers["X-Api-Key"], options.Value.ApiKey))
            {
                await BotEndpoint.WriteErrorAsync(http, StatusCodes.Status401Unauthorized,
                    ErrorResponse.Of("Unauthorized", "Send the admin key in the X-Api-Key header."));
                return;
            }
            var requests = await store.ListClosureRequestsAsync(http.RequestAborted);
            await http.Response.WriteAsJsonAsync(requests, ProtocolJson.Options, http.RequestAborted);
        });
        return endpoints;
    }

    private static bool IsAuthorized(string? presented, string? expected) =>
        !string.IsNullOrEmpty(expected) && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
