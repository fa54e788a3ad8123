using ClosureBot.Localization;

namespace ClosureBot.Channels.WebChat;

/// <summary>
/// <c>GET /</c> (and <c>/index.html</c>): the chat page, its frame (title, header, session, buttons, the texts its script
/// shows) in the browser's language from <c>Localization/Tables/xx.pages.json</c>; Web Chat itself gets the browser's
/// locale from the script. Written once per language at start-up (a template naming a missing text stops the app). Sent
/// with its Content-Security-Policy (<see cref="WebChatOptions.ChatPagePolicy"/>) and a same-origin referrer policy.
/// </summary>
internal static class ChatPage
{
    public static void MapChatPage(this WebApplication app)
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("ClosureBot.Channels.WebChat.chat.html")
            ?? throw new InvalidOperationException("The chat page (Channels/WebChat/chat.html) is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var page = LocalizedPage.Compile("chat.html", reader.ReadToEnd(), app.Services.GetRequiredService<Locales>(), "no-cache");
        var policy = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebChatOptions>>().Value.ChatPagePolicy();
        IResult Serve(HttpContext http)
        {
            http.Response.Headers.ContentSecurityPolicy = policy;
            // The page's address (and a conversation in its fragment, with the portal's assertion) is nobody else's business.
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            return page.Serve(http);
        }
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], Serve);
        app.MapMethods("/index.html", [HttpMethods.Get, HttpMethods.Head], Serve);
    }
}
