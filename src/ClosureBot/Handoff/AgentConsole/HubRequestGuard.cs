using ClosureBot.Protocol.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// Cross-site protection for the hub, which rides on the console cookie. Besides <c>SameSite=Strict</c> (another site's
/// page cannot make the browser send the cookie): a request from another site (<see cref="CrossSiteRequests"/>) is refused, including the
/// WebSocket handshake (browsers always send Origin there); the negotiate call must carry the page's anti-forgery token
/// in the <c>RequestVerificationToken</c> header; and a connection must use the id negotiate issued, so no one can skip
/// the token check by connecting a WebSocket directly.
/// </summary>
internal sealed class HubRequestGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    // Anti-forgery comes through the constructor (it is a singleton): an InvokeAsync with more parameters than the
    // context gets its call built from expression trees at start-up, which loads the expression compiler.
    public async Task InvokeAsync(HttpContext http)
    {
        if (CrossSiteRequests.IsFromAnotherSite(http.Request))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "The console's hub answers only its own pages.");
            return;
        }
        if (http.Request.Path.StartsWithSegments(AgentHub.Path + "/negotiate"))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await Refuse(http, StatusCodes.Status403Forbidden, "The hub needs the console page's anti-forgery token; reload the page.");
                return;
            }
        }
        else if (string.IsNullOrEmpty(http.Request.Query["id"]))
        {
            await Refuse(http, StatusCodes.Status400BadRequest, "Negotiate first: a connection needs the id negotiate issued.");
            return;
        }
        http.Items[AgentHub.RequestedAtItem] = System.Diagnostics.Stopwatch.GetTimestamp();
        await next(http);
    }

    private static Task Refuse(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code = status == 403 ? "Forbidden" : "BadArgument", message } });
    }
}
