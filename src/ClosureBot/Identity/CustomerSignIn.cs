using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ClosureBot.Protocol.Hosting;
using ClosureBot.RateLimits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace ClosureBot.Identity;

/// <summary>
/// The public web chat's sign-in: OpenID Connect (authorization code + PKCE) against <c>Identity:Authority</c>, kept
/// in a cookie that holds only what the bot needs (an opaque user id, the name, the account aliases). The chat page's
/// token endpoint reads that cookie (<see cref="CurrentAsync"/>) and puts the person into the Direct Line token.
/// </summary>
public static class CustomerSignIn
{
    public const string CookieScheme = "closurebot-signin";
    public const string ProviderScheme = "closurebot-oidc";

    internal static void AddCustomerSignIn(this IServiceCollection services, CustomerIdentityOptions options)
    {
        if (!options.SignInEnabled) return;
        services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "closurebot_signin";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                // The cookie is only read by the token endpoint; nothing should ever redirect an API call to a login page.
                cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            })
            .AddOpenIdConnect(ProviderScheme, oidc =>
            {
                oidc.SignInScheme = CookieScheme;
                oidc.Authority = options.Authority;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.Scope.Clear();
                foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) oidc.Scope.Add(scope);
                oidc.ClaimActions.MapJsonKey(options.AccountsClaim, options.AccountsClaim);
                // A provider on this machine (development, the tests) may speak plain HTTP; any other must use HTTPS.
                oidc.RequireHttpsMetadata = !IsLoopback(options.Authority!);
                if (!oidc.RequireHttpsMetadata)
                {
                    oidc.CorrelationCookie.SecurePolicy = oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    oidc.CorrelationCookie.SameSite = oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                }
                oidc.Events.OnTicketReceived = context =>
                {
                    context.Principal = Customer(context.Principal!, options.AccountsClaim);
                    return Task.CompletedTask;
                };
            });
    }

    /// <summary>
    /// <c>GET /signin?returnUrl=/…</c> starts the sign-in and comes back to that page of this site; <c>POST /signout</c>
    /// ends it. Without a configured provider neither exists.
    /// </summary>
    public static WebApplication MapCustomerSignIn(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AccountAccess>().SignInEnabled) return app;
        app.MapGet("/signin", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [ProviderScheme]))
            .RequireRateLimiting(RateLimitPolicies.TokensPerClient);
        app.MapPost("/signout", async (HttpContext http) =>
        {
            // Another site's form could otherwise sign the customer out (the response clears the cookie it was not sent).
            if (CrossSiteRequests.IsFromAnotherSite(http.Request))
                return Results.Json(new { error = new { code = "Forbidden", message = "Sign out from the chat page itself." } }, statusCode: StatusCodes.Status403Forbidden);
            await http.SignOutAsync(CookieScheme);
            return Results.Redirect("/");
        });
        return app;
    }

    /// <summary>The person signed in on this browser, or null (nobody, or no provider configured).</summary>
    public static async Task<VerifiedCustomer?> CurrentAsync(HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<AccountAccess>().SignInEnabled) return null;
        var result = await http.AuthenticateAsync(CookieScheme);
        return result.Succeeded ? VerifiedCustomer.From(result.Principal.Identity as ClaimsIdentity) : null;
    }

    /// <summary>
    /// The bot's view of a signed-in person. The provider's subject (often an e-mail) never leaves this method: the user
    /// id is derived from issuer and subject, so transcripts and logs carry an opaque id.
    /// </summary>
    internal static ClaimsPrincipal Customer(ClaimsPrincipal provider, string accountsClaim)
    {
        var subject = provider.FindFirst("sub") ?? throw new AuthenticationFailureException("The provider's ID token names no subject.");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(subject.Issuer + "\n" + subject.Value));
        var name = provider.FindFirst("name")?.Value ?? provider.FindFirst("preferred_username")?.Value;
        // Providers send the list as a JSON array (one claim per alias) or as one space- or comma-separated string.
        var accounts = provider.FindAll(accountsClaim)
            .SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var identity = CustomerClaims.Create(CustomerClaims.Sources.OpenIdConnect, "dl_" + Base64Url.EncodeToString(hash.AsSpan(0, 18)), name, accounts);
        return new ClaimsPrincipal(identity);
    }

    // A path of this site: one slash, not two (nor a backslash, which browsers read as one), and no control character,
    // which browsers drop from a URL ("/\t/evil.example" would become "//evil.example").
    internal static string LocalOrRoot(string? returnUrl) =>
        returnUrl is ['/', not '/' and not '\\', ..] or "/" && !returnUrl.AsSpan().ContainsAnyInRange('\0', '\u001f') && !returnUrl.Contains('\u007f')
            ? returnUrl : "/";

    private static bool IsLoopback(string authority) => Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
