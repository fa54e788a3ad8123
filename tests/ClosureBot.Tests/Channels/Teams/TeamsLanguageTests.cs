using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.Teams;

/// <summary>
/// Teams customers in their language: a clicked card updated in place says "Answered:" with the caption they clicked,
/// never the button's keyword (<c>yes</c>) that travels in the data; a team or group chat is told, in the client's
/// language, why closing happens in a personal chat.
/// </summary>
public sealed class TeamsLanguageTests
{
    private static readonly Locales Tables = Locales.Load();

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("pt-BR")]
    public async Task MessageBackClick_DataWithoutDisplayText_CardSaysTheClickedCaptionInTheCustomersLanguage(string locale)
    {
        var t = Tables.For(locale);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var chat = new TeamsChat(app, connector) { Locale = locale };
        await chat.Send("I want to close my account");
        var card = chat.Messages.Single(m => m.Activity["attachments"] is not null);
        var yes = SubmitData(card).Single(d => (string?)d["action"] == "yes");
        // Teams sends the messageBack's text ("yes") and may send the data without its msteams block.
        yes.Remove("msteams");

        Assert.Equal(HttpStatusCode.OK, (await chat.Click(yes, card.ResponseId!)).StatusCode);

        var update = Assert.Single(connector.Requests, r => r.Method == "PUT");
        var lastLine = LastLine(update.Activity["attachments"]![0]!["content"]!);
        Assert.Equal(t.Format(TextId.AnsweredWith, (string)t.Cards["common"]!["yes"]!), lastLine);
    }

    [Fact]
    public async Task ActionExecute_GermanCustomer_AnsweredCardShowsTheGermanCaption_NotTheVerb()
    {
        var t = Tables.For("de-DE");
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var chat = new TeamsChat(app, connector) { Locale = "de-DE" };
        await chat.Send("I want to close my account");
        var cardId = chat.Messages.Single(m => m.Activity["attachments"] is not null).ResponseId!;

        using var response = await chat.PostPayload("teams-invoke-action.json", a => { a["replyToId"] = cardId; a["locale"] = "de-DE"; });

        var body = await TeamsChat.BodyOf(response);
        Assert.Equal("✓ Beantwortet: Ja", LastLine(body["value"]!));
        Assert.Equal(t.Format(TextId.AnsweredWith, (string)t.Cards["common"]!["yes"]!), LastLine(body["value"]!));
    }

    [Fact]
    public async Task TypedAnswer_SpanishCustomer_CardSaysWhatTheyTyped()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var chat = new TeamsChat(app, connector) { Locale = "es-ES" };
        await chat.Send("I want to close my account");

        await chat.Send("sí");

        var update = Assert.Single(connector.Requests, r => r.Method == "PUT");
        Assert.Equal("✓ Respondido: sí", LastLine(update.Activity["attachments"]![0]!["content"]!));
    }

    [Theory]
    [InlineData("de-DE", "persönlichen Chat")]
    [InlineData("fr-FR", "conversation personnelle")]
    [InlineData("pt-BR", "chat pessoal")]
    public async Task GroupChat_ClientLanguage_RefusalInThatLanguageWithTheLink(string locale, string words)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var chat = new TeamsChat(app, connector, "groupChat") { Locale = locale };

        await chat.Send("I want to close my account");

        var refusal = Assert.Single(chat.Messages).Text;
        Assert.Contains(words, refusal);
        Assert.Contains("](https://teams.microsoft.com/l/chat/0/0?users=28%3A", refusal);
        Assert.Equal(Tables.For(locale).Format(TextId.PersonalChatOnly, "LINK").Split("LINK")[0], refusal!.Split("https://")[0]);
    }

    private static string? LastLine(JsonNode card) => (string?)card["body"]!.AsArray().Last()!["text"];

    private static IEnumerable<JsonObject> SubmitData(FakeConnector.Received card) =>
        card.Activity["attachments"]!.AsArray().SelectMany(a => Actions(a!["content"]!)).Select(d => (JsonObject)d.DeepClone());

    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Submit" && o["data"] is JsonObject data => [data],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Actions(i)),
        _ => [],
    };
}
