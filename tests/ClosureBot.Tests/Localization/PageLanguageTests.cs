using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Localization;
using ClosureBot.Tests.Handoff.AgentConsole;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Localization;

/// <summary>
/// The app's own pages over HTTP in the browser's language (its most preferred <c>Accept-Language</c> tag, as Web Chat
/// takes <c>navigator.language</c>): the chat page's frame, the console's sign-in, page and API; English otherwise.
/// </summary>
public sealed partial class PageLanguageTests
{
    private static readonly Locales Tables = Locales.Load();

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "de")]
    [InlineData("es-MX", "es")]
    [InlineData("pt-PT,pt;q=0.9", "pt")]
    [InlineData("fr-CA, en;q=0.5", "fr")]
    [InlineData("en;q=0.4, fr;q=0.9", "fr")]
    [InlineData("en-US,de;q=0.9", "en")]
    [InlineData("ja-JP,ja;q=0.9,de;q=0.8", "en")]
    [InlineData("*", "en")]
    [InlineData("not a language;;q=x", "en")]
    [InlineData(null, "en")]
    public async Task ChatPage_AcceptLanguage_FrameInThatLanguageOrEnglish(string? acceptLanguage, string language)
    {
        await using var app = new BotApplicationFactory();
        using var http = app.CreateClient();
        if (acceptLanguage is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var t = Tables.All.Single(x => x.Language == language);

        using var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{language}\">", html);
        Assert.Contains($"<title>{t.Page("chat.title")}</title>", html);
        Assert.Contains($"<h1>{t.Page("chat.heading")}</h1>", html);
        Assert.Contains($">{t.Page("chat.signIn")}</button>", html);
        Assert.DoesNotContain("{{", html);
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var texts = JsonNode.Parse(TextsBlock().Match(html).Groups[1].Value)!.AsObject();
        Assert.Equal(t.Page("chat.guest"), (string?)texts["guest"]);
        Assert.Equal(t.Page("chat.signedInAs"), (string?)texts["signedInAs"]);
        Assert.Equal(t.Pages.Count(p => p.Key.StartsWith("chat.", StringComparison.Ordinal)), texts.Count);
    }

    [Fact]
    public async Task ChatPage_RevisitWithItsETag_Answers304_AnotherLanguageGetsItsOwnPage_HeadAnswers()
    {
        await using var app = new BotApplicationFactory();
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("Accept-Language", "de-DE");
        using var first = await http.GetAsync("/index.html");
        var etag = first.Headers.ETag!.Tag;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var revisit = await http.SendAsync(again);
        using var spanish = new HttpRequestMessage(HttpMethod.Get, "/");
        spanish.Headers.TryAddWithoutValidation("If-None-Match", etag);
        spanish.Headers.AcceptLanguage.Clear();
        spanish.Headers.TryAddWithoutValidation("Accept-Language", "es-ES");
        using var other = await http.SendAsync(spanish);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revisit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("<html lang=\"es\">", await other.Content.ReadAsStringAsync());
        Assert.NotEqual(etag, other.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(["de"], head.Content.Headers.ContentLanguage);
    }

    [Fact]
    public void Compile_TemplateNamingAMissingText_FailsNamingThePageAndTheText()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            LocalizedPage.Compile("chat.html", "<h1>{{chat.heading}}</h1><p>{{chat.noSuchText}}</p>", Tables, "no-cache"));

        Assert.Contains("chat.html", ex.Message);
        Assert.Contains("chat.noSuchText", ex.Message);
    }

    [Fact]
    public void Compile_TextWithMarkup_StaysTextInTheHtmlAndInTheScriptBlock()
    {
        const string Hostile = "</script><script>alert(1)</script> & <b>";
        var tables = Locales.Load(name =>
        {
            var json = File.ReadAllText(Path.Combine(Cards.RepoPaths.Root, "src", "ClosureBot", "Localization", "Tables", name));
            if (name != "en.pages.json") return json;
            var table = JsonNode.Parse(json)!.AsObject();
            table["chat"]!["guest"] = Hostile;
            return table.ToJsonString();
        });
        var page = LocalizedPage.Compile("x.html",
            "<p>{{chat.guest}}</p><p>{{chat.noscript}}</p><script id=\"page-texts\" type=\"application/json\">{{texts:chat}}</script>", tables, "no-cache");

        var html = page.For(tables.English);

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("Account → Info", html);
        Assert.Equal(Hostile, (string?)JsonNode.Parse(TextsBlock().Match(html).Groups[1].Value)!["guest"]);
    }

    [Fact]
    public async Task SignIn_GermanBrowser_FormAndRefusalInGerman()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        agent.Http.DefaultRequestHeaders.Add("Accept-Language", "de-DE,de;q=0.9");
        var t = Tables.For("de");

        var form = await agent.Http.GetStringAsync("/agent/signin");
        using var refused = await agent.PostSignInAsync(ConsoleTestApp.Dana, "wrong-password");

        Assert.Contains("<html lang=\"de\">", form);
        Assert.Contains($">{t.Page("signIn.userName")}</label>", form);
        Assert.Contains($">{t.Page("signIn.password")}</label>", form);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Benutzername oder Passwort ist nicht richtig.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Console_GermanBrowser_PageTitlesAndErrorsInGerman_PolicyKept()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        agent.Http.DefaultRequestHeaders.Add("Accept-Language", "de-DE");
        await agent.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        var t = Tables.For("de");

        using var page = await agent.Http.GetAsync("/agent");
        var session = await agent.SessionAsync();
        using var missing = await agent.PostJsonAsync("/agent/api/tickets/hq_nosuch/accept", null);

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("<h1>ClosureBot Support-Konsole</h1>", html);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        var titles = session["handBackPoints"]!.AsArray().Select(p => (string)p!["title"]!).ToList();
        Assert.Contains(t.Format(TextId.StepOf, 2, t[TextId.StepDeleteServers]), titles);
        Assert.Equal("Unterhaltung beenden", titles[^1]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Diese Unterhaltung gibt es nicht.", (string?)(await missing.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]);
    }

    [GeneratedRegex("<script id=\"page-texts\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TextsBlock();
}
