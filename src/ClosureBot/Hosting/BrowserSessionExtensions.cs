namespace ClosureBot.Hosting;

/// <summary>
/// Sign-in cookies, authorization policies and form tokens, in one place and once: they serve people in browsers (the
/// chat page's customer sign-in, the agent console). An endpoint marked <see cref="ProvesItsCaller"/> (the Bot Framework
/// channel's <c>/api/messages</c>, which checks the channel's token itself on every request) skips them: no cookie there
/// names anyone, and on the busiest path they were a tenth of the work outside the turn.
/// </summary>
public static class BrowserSessionExtensions
{
    // WebApplication adds these middleware at the front of the pipeline itself unless the app's own builder says they were
    // added; a branch's builder does not tell it (ASP.NET Core's own tests set these keys the same way).
    private const string AuthenticationSetKey = "__AuthenticationMiddlewareSet";
    private const string AuthorizationSetKey = "__AuthorizationMiddlewareSet";
    private const string AntiforgerySetKey = "__AntiforgeryMiddlewareSet";

    public static WebApplication UseBrowserSessions(this WebApplication app)
    {
        app.UseWhen(http => http.GetEndpoint()?.Metadata.GetMetadata<ProvesItsCaller>() is null, browsers =>
        {
            browsers.UseAuthentication();
            browsers.UseAuthorization();
            browsers.UseAntiforgery();
        });
        var properties = ((IApplicationBuilder)app).Properties;
        properties[AuthenticationSetKey] = true;
        properties[AuthorizationSetKey] = true;
        properties[AntiforgerySetKey] = true;
        return app;
    }

    /// <summary>Endpoint metadata: the endpoint authenticates every request itself and uses no browser session.</summary>
    public sealed class ProvesItsCaller
    {
        public static readonly ProvesItsCaller Instance = new();
    }
}
