using System.Text.Json.Nodes;
using ClosureBot.Localization;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Browser;

// A customer whose browser speaks German or Spanish closes the demo account in the real chat page, on a phone-sized
// screen: every screen in their language (the expectations come from the language's own table), every caption fits
// its button, and the screenshots (tests/artifacts/screenshots/language-*) are there to be read. The page's own frame
// (title, header, session, buttons, the banner when the chat cannot start) is in that language too (frame-*.png).
public sealed class WebChatLanguageTests
{
    private static readonly Locales Tables = Locales.Load();

    [Theory]
    [InlineData("de-DE", "Europe/Berlin")]
    [InlineData("es-ES", "Europe/Madrid")]
    public async Task WebChat_BrowserLanguage_WholeFlowInThatLanguage(string locale, string timeZone)
    {
        await using var host = new DirectLineTestHost();
        var t = Tables.For(locale);
        JsonObject Step(string name, string? click, string? type, string expect, bool card) =>
            new() { ["name"] = name, ["click"] = click, ["type"] = type, ["expect"] = expect, ["card"] = card };
        var options = new JsonObject
        {
            ["baseUrl"] = host.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
            ["locale"] = locale,
            ["timezoneId"] = timeZone,
            ["width"] = 390,
            ["welcome"] = Card(t, "welcome", "iCanWalk"),
            ["steps"] = new JsonArray(
                Step("start", Card(t, "welcome", "startAccountClosure"), null, t[TextId.ShallWeStart], true),
                // What closing costs, asked in the customer's words at the overview: answered, not taken for the closure.
                Step("fee-question", null, locale.StartsWith("de") ? "Kostet die Kündigung etwas?" : "¿Cuesta algo cerrar la cuenta?", t[TextId.KbClosingCost][..40], false),
                Step("overview-yes", Card(t, "common", "yes"), null, t[TextId.AskAlias], false),
                Step("account-alias", null, "ACME", t[TextId.AskTermCommitment], true),
                // A question about the screen's subject, in the customer's words: answered in their language.
                Step("what-is-that", null, locale.StartsWith("de") ? "was heißt das?" : "¿qué significa eso?", t[TextId.KbTermCommitment][..40], false),
                Step("no-term-commitment", Card(t, "common", "no"), null, t[TextId.RetrieveDataInstruction], true),
                Step("data-retrieved", t[TextId.Done], null, t[TextId.ServersInstruction], true),
                // Back one step in the customer's words, and on again.
                Step("go-back", null, locale.StartsWith("de") ? "zurück" : "volver atrás", t[TextId.RetrieveDataInstruction], true),
                Step("data-retrieved-again", t[TextId.Done], null, t[TextId.ServersInstruction], true),
                // How to delete them, in the customer's words: the Control Portal and the API, and that the bot cannot.
                Step("how-to-delete", null, locale.StartsWith("de") ? "Wie lösche ich einen Server?" : "¿Cómo elimino un servidor?", t[TextId.KbDeleteResources][..40], false),
                Step("servers-done", t[TextId.Done], null, t.Plural(TextId.ServersRemain, 6), false),
                Step("servers-continue", t[TextId.Yes], null, t[TextId.ServicesInstruction], true),
                Step("services-done", t[TextId.Done], null, t.Plural(TextId.ServicesRemain, 7), false),
                Step("services-continue", t[TextId.Yes], null, t.Format(TextId.TypeAliasToConfirm, "ACME"), true),
                Step("confirm-alias", null, "ACME", Card(t, "receipt", "thankYouFor"), true),
                // A greeting after the request: how it ended, not the welcome card again.
                Step("hello-after", null, locale.StartsWith("de") ? "hallo" : "hola", t.Format(TextId.EndedRequested, "ACME", "\u0001").Split('\u0001')[0], false),
                // Whether it is closed yet: how it stands, not a new closure.
                Step("closed-yet", null, locale.StartsWith("de") ? "Ist mein Konto schon geschlossen?" : "¿Ya está cerrada mi cuenta?", t.Format(TextId.EndedRequested, "ACME", "\u0001").Split('\u0001')[0], false)),
        };

        var report = await WebChatDriver.RunScriptAsync("Browser/webchat-language-drive.mjs", options, $"language {locale}");

        Assert.Equal(17, report["steps"]!.AsArray().Count);
        Assert.All(report["steps"]!.AsArray(), s => Assert.True(File.Exists((string)s!["screenshot"]!)));
        Assert.True(report["overflowing"]!.AsArray().Count == 0, $"Captions that do not fit: {report["overflowing"]}");
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
        var activities = report["userActivities"]!.AsArray();
        Assert.All(activities.Where(a => (string?)a!["role"] == "user"), a => Assert.Equal(locale, (string?)a!["locale"]));
        Assert.All(activities.Where(a => (string?)a!["role"] == "bot"), a => Assert.Equal(locale, (string?)a!["locale"]));
    }

    [Theory]
    [InlineData("de-DE", "Europe/Berlin", false)]
    [InlineData("es-ES", "Europe/Madrid", false)]
    [InlineData("es-MX", "America/Mexico_City", true)]
    public async Task WebChat_BrowserLanguage_PageFrameInThatLanguage(string locale, string timeZone, bool serviceUnreachable)
    {
        await using var host = new DirectLineTestHost();
        var t = Tables.For(locale);
        var options = new JsonObject
        {
            ["baseUrl"] = host.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
            ["locale"] = locale,
            ["timezoneId"] = timeZone,
            ["welcome"] = Card(t, "welcome", "iCanWalk"),
            ["failToken"] = serviceUnreachable,
        };

        var report = await WebChatDriver.RunScriptAsync("Browser/webchat-frame-drive.mjs", options, $"frame {locale}");

        Assert.Equal(locale, (string?)report["navigatorLanguage"]);
        Assert.Equal(t.Language, (string?)report["lang"]);
        Assert.Equal(t.Language, (string?)report["contentLanguage"]);
        Assert.Equal(t.Page("chat.title"), (string?)report["title"]);
        Assert.Equal(t.Page("chat.product"), (string?)report["product"]);
        Assert.Equal(t.Page("chat.heading"), (string?)report["heading"]);
        Assert.Equal(t.Page("chat.signIn"), (string?)report["signIn"]);
        Assert.Equal(t.Page("chat.signOut"), (string?)report["signOut"]);
        Assert.Equal(t.Page("chat.reconnect"), (string?)report["reconnect"]);
        Assert.Equal(t.Page("chat.chatLabel"), (string?)report["chatLabel"]);
        Assert.Equal(t.Page("chat.noscript"), (string?)report["noscript"]);
        if (serviceUnreachable)
            Assert.Equal(t.Page("chat.couldNotStart", t.Page("chat.serviceUnreachable")), (string?)report["banner"]);
        else
            Assert.Equal(t.Page("chat.guest"), (string?)report["session"]);
        Assert.False(report["axeViolations"]!.AsArray().Any(v => (string?)v!["impact"] is "serious" or "critical"), $"axe-core: {report["axeViolations"]}");
        Assert.True(File.Exists((string?)report["screenshot"]));
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
    }

    private static string Card(LocaleTable t, string group, string key)
    {
        var text = (string)t.Cards[group]![key]!;
        var cut = text.IndexOf("${", StringComparison.Ordinal);
        return cut < 0 ? text : text[..cut].Trim();
    }
}
