using ClosureBot.Localization;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// <c>GET /agent</c>: the console page (an embedded HTML template written once per language, see
/// <see cref="LocalizedPage"/>; its script and styles are static files under <c>/agent-console/</c>, the SignalR client
/// under <c>/lib/</c>), in the agent's browser language. Only for a signed-in agent; anyone else is sent to sign in.
/// </summary>
internal static class ConsolePage
{
    public static Func<HttpContext, IResult> Compile(Locales locales)
    {
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream("ClosureBot.Handoff.AgentConsole.console.html")
            ?? throw new InvalidOperationException("The console page (Handoff/AgentConsole/console.html) is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var page = LocalizedPage.Compile("console.html", reader.ReadToEnd(), locales, "no-store");
        return http =>
        {
            http.Response.Headers.XFrameOptions = "DENY";
            http.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
            return page.Serve(http);
        };
    }
}
