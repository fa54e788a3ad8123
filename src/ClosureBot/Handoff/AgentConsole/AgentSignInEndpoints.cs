using System.Globalization;
using ClosureBot.RateLimits;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// <c>GET/POST /agent/signin</c> and <c>POST /agent/signout</c>. Both forms carry an anti-forgery token; a post without
/// a valid one (another site's form, a stale page) is refused with 400 and changes nothing. Sign-in attempts are limited
/// per client address (<c>RateLimits:SignInsPerClient</c>) and per user name (the lock-out).
/// </summary>
internal static class AgentSignInEndpoints
{
    public static void MapAgentSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AgentAuthentication.SignInPath, async (HttpContext http, IAntiforgery antiforgery, IOptionsMonitor<AgentConsoleOptions> options) =>
        {
            if (AgentPrincipal.Of((await http.AuthenticateAsync(AgentAuthentication.Scheme)).Principal) is not null) return Results.Redirect("/agent");
            return SignInPage.Render(Token(http, antiforgery), null, null, options.CurrentValue.Agents.Count == 0);
        });
        endpoints.MapPost(AgentAuthentication.SignInPath, SignInAsync).RequireRateLimiting(RateLimitPolicies.SignInsPerClient);
        endpoints.MapPost("/agent/signout", SignOutAsync).RequireAuthorization(AgentAuthentication.Policy);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, AgentCredentials credentials,
        IOptionsMonitor<AgentConsoleOptions> options, TimeProvider time)
    {
        var noAgents = options.CurrentValue.Agents.Count == 0;
        if (!http.Request.HasFormContentType)
            return SignInPage.Render(Token(http, antiforgery), null, "Sign in with the form on this page.", noAgents, StatusCodes.Status400BadRequest);
        if (!await IsValidAsync(http, antiforgery))
            return SignInPage.Render(Token(http, antiforgery), null,
                "The form expired or came from another site; nothing was done. Sign in again here.", noAgents, StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string? userName = form["userName"], password = form["password"];

        // Not the request's token: a caller hanging up must not keep its failure from being counted.
        var result = await credentials.CheckAsync(userName, password, CancellationToken.None);
        if (result.Agent is { } agent)
        {
            await http.SignInAsync(AgentAuthentication.Scheme, AgentPrincipal.Create(agent));
            return Results.Redirect("/agent");
        }
        var keep = userName?.Length <= AgentCredentials.MaxUserNameLength ? userName : null;
        if (result.LockedUntil is { } until)
        {
            http.Response.Headers.RetryAfter = RateLimitRefusal.Seconds(until - time.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
            return SignInPage.Render(Token(http, antiforgery), keep,
                $"Too many failed sign-ins for this user name. Try again after {until:HH:mm} UTC.", noAgents, StatusCodes.Status429TooManyRequests);
        }
        return SignInPage.Render(Token(http, antiforgery), keep, "The user name or password is not right.", noAgents, StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, AgentConnections connections)
    {
        if (!await IsValidAsync(http, antiforgery))
            return Results.Text("The sign-out form expired or came from another site; nothing was done.", statusCode: StatusCodes.Status400BadRequest);
        var agent = AgentPrincipal.Of(http.User);
        await http.SignOutAsync(AgentAuthentication.Scheme);
        if (agent is not null) connections.CloseAll(agent.UserName);
        return Results.Redirect(AgentAuthentication.SignInPath);
    }

    private static string Token(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!;

    private static async Task<bool> IsValidAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
