using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's own cookie scheme, apart from the customer's sign-in: an HttpOnly, <c>SameSite=Strict</c> cookie scoped
/// to <c>/agent</c>, so no other site can make a browser send it and no customer page ever carries it. The
/// <see cref="Policy"/> authenticates with this scheme only; a customer's cookie or token proves nothing here.
/// </summary>
public static class AgentAuthentication
{
    public const string Scheme = "closurebot-agent";
    public const string Policy = "support-agent";
    public const string CookieName = "closurebot_agent";
    public const string SignInPath = "/agent/signin";

    internal static void AddAgentAuthentication(this IServiceCollection services, AgentConsoleOptions settings)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = "/agent";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = settings.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = SignInPath;
            cookie.ReturnUrlParameter = "returnUrl";
            // Pages go to the sign-in form; the API and the hub answer 401 (a script cannot follow a login redirect).
            cookie.Events.OnRedirectToLogin = context => RefuseOrRedirect(context.HttpContext, context.RedirectUri);
            cookie.Events.OnRedirectToAccessDenied = context => RefuseOrRedirect(context.HttpContext, context.RedirectUri);
            // An agent removed from configuration is signed out at their next request.
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var agent = AgentPrincipal.Of(context.Principal);
                if (agent is null || context.HttpContext.RequestServices.GetRequiredService<AgentCredentials>().Find(agent.UserName) is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(AgentPrincipal.RoleClaim, AgentPrincipal.AgentRole));
    }

    private static Task RefuseOrRedirect(HttpContext http, string redirectUri)
    {
        if (http.Request.Path.StartsWithSegments("/agent/api") || http.Request.Path.StartsWithSegments(AgentHub.Path) || !HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
