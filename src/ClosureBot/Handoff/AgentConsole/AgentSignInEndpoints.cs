using System.Globalization;
using ClosureBot.Localization;
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
        endpoints.MapGet(AgentAuthentication.SignInPath, async (HttpContext http, IAntiforgery antiforgery, IOptionsMonitor<AgentConsoleOptions> options,
            Locales locales) =>
        {
            if (AgentPrincipal.Of((await http.AuthenticateAsync(AgentAuthentication.Scheme)).Principal) is not null) return Results.Redirect("/agent");
            return SignInPage.Render(locales.TableOf(http.Request), Token(http, antiforgery), null, null, options.CurrentValue.Agents.Count == 0);
        });
        endpoints.MapPost(AgentAuthentication.SignInPath, SignInAsync).RequireRateLimiting(RateLimitPolicies.SignInsPerClient);
        endpoints.MapPost("/agent/signout", SignOutAsync).RequireAuthorization(AgentAuthentication.Policy);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, AgentCredentials credentials,
        IOptionsMonitor<AgentConsoleOptions> options, TimeProvider time, Locales locales)
    {
        var noAgents = options.CurrentValue.Agents.Count == 0;
        var t = locales.TableOf(http.Request);
        if (!http.Request.HasFormContentType)
            return SignInPage.Render(t, Token(http, antiforgery), null, t.Page("signIn.useForm"), noAgents, StatusCodes.Status400BadRequest);
        if (!await IsValidAsync(http, antiforgery))
            return SignInPage.Render(t, Token(http, antiforgery), null, t.Page("signIn.formExpired"), noAgents, StatusCodes.Status400BadRequest);
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
            return SignInPage.Render(t, Token(http, antiforgery), keep,
                t.Page("signIn.lockedOut", until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)), noAgents, StatusCodes.Status429TooManyRequests);
        }
        return SignInPage.Render(t, Token(http, antiforgery), keep, t.Page("signIn.wrong"), noAgents, StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, AgentConnections connections, Locales locales)
    {
        if (!await IsValidAsync(http, antiforgery))
            return Results.Text(locales.TableOf(http.Request).Page("signIn.signOutExpired"), statusCode: StatusCodes.Status400BadRequest);
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
