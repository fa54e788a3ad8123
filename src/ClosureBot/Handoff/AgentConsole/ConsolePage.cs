namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// <c>GET /agent</c>: the console page (an embedded HTML file; its script and styles are static files under
/// <c>/agent-console/</c>, the SignalR client under <c>/lib/</c>). Only for a signed-in agent; anyone else is sent to sign in.
/// </summary>
internal static class ConsolePage
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream("ClosureBot.Handoff.AgentConsole.console.html")
            ?? throw new InvalidOperationException("The console page (Handoff/AgentConsole/console.html) is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
        return Results.Content(Html.Value, "text/html; charset=utf-8");
    }
}
