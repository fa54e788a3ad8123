using System.Text.Encodings.Web;
using System.Text.Unicode;
using ClosureBot.Localization;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's sign-in form: plain HTML that works without JavaScript, every value HTML-encoded, in the browser's
/// language (<c>signIn</c> texts of <c>Localization/Tables/xx.pages.json</c>).
/// </summary>
internal static class SignInPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Render(LocaleTable t, string antiforgeryToken, string? userName, string? message, bool noAgents,
        int statusCode = StatusCodes.Status200OK)
    {
        var e = Encoder;
        var alert = message is null ? "" : $"""<p class="form-error" role="alert" id="signin-error">{e.Encode(message)}</p>""";
        var describedBy = message is null ? "" : """ aria-describedby="signin-error" """;
        var none = noAgents
            ? $"""<p class="form-note">{string.Format(t.Culture, e.Encode(t.Page("signIn.noAgents")), "<code>Support:Agents</code>", "<em>Agent console</em>")}</p>"""
            : "";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{t.Language}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{e.Encode(t.Page("signIn.title"))}</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="/agent-console/console.css">
            </head>
            <body class="signin">
              <header class="bar"><h1>{e.Encode(t.Page("signIn.heading"))}</h1></header>
              <main class="signin-main">
                <form class="signin-form" method="post" action="{AgentAuthentication.SignInPath}"{describedBy}>
                  <h2>{e.Encode(t.Page("signIn.signIn"))}</h2>
                  {alert}
                  {none}
                  <input type="hidden" name="__RequestVerificationToken" value="{e.Encode(antiforgeryToken)}">
                  <label for="userName">{e.Encode(t.Page("signIn.userName"))}</label>
                  <input id="userName" name="userName" autocomplete="username" required maxlength="{AgentCredentials.MaxUserNameLength}" value="{e.Encode(userName ?? "")}" autofocus>
                  <label for="password">{e.Encode(t.Page("signIn.password"))}</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="{AgentCredentials.MaxPasswordLength}">
                  <button type="submit">{e.Encode(t.Page("signIn.signIn"))}</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return new Page(html, t.Language, statusCode);
    }

    private sealed class Page(string html, string language, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ContentLanguage = language;
            http.Response.Headers.Vary = "Accept-Language";
            return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode).ExecuteAsync(http);
        }
    }
}
