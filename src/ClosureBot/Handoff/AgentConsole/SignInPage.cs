using System.Text.Encodings.Web;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>The console's sign-in form: plain HTML that works without JavaScript, every value HTML-encoded.</summary>
internal static class SignInPage
{
    public static IResult Render(string antiforgeryToken, string? userName, string? message, bool noAgents, int statusCode = StatusCodes.Status200OK)
    {
        var e = HtmlEncoder.Default;
        var alert = message is null ? "" : $"""<p class="form-error" role="alert" id="signin-error">{e.Encode(message)}</p>""";
        var describedBy = message is null ? "" : """ aria-describedby="signin-error" """;
        var none = noAgents
            ? """<p class="form-note">No support agent is configured yet (<code>Support:Agents</code>); see the README, <em>Agent console</em>.</p>"""
            : "";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · ClosureBot support console</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="/agent-console/console.css">
            </head>
            <body class="signin">
              <header class="bar"><h1>ClosureBot support console</h1></header>
              <main class="signin-main">
                <form class="signin-form" method="post" action="{AgentAuthentication.SignInPath}"{describedBy}>
                  <h2>Sign in</h2>
                  {alert}
                  {none}
                  <input type="hidden" name="__RequestVerificationToken" value="{e.Encode(antiforgeryToken)}">
                  <label for="userName">User name</label>
                  <input id="userName" name="userName" autocomplete="username" required maxlength="{AgentCredentials.MaxUserNameLength}" value="{e.Encode(userName ?? "")}" autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="{AgentCredentials.MaxPasswordLength}">
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
