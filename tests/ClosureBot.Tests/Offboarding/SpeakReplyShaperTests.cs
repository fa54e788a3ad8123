using System.Text.Json.Nodes;
using ClosureBot.Offboarding;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

public sealed class SpeakReplyShaperTests
{
    [Fact]
    public async Task Speak_EveryReplyOfTheCanonicalFlowSupportAndResume_SaysWhatTheReplyShows()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var replies = new List<JsonObject>();
        foreach (var text in new[] { "I want to close my account", "yes", "ACME", "no", "done", "done", "yes", "done", "yes", "ACME", "thanks", "status" })
            replies.AddRange((await ann.Send(text)).Activities);
        var bob = app.WebChat();
        replies.AddRange((await bob.Send("hello")).Activities);
        replies.AddRange((await bob.Send("talk to support")).Activities);
        var carol = app.WebChat();
        await carol.SendAll(Script.To(OffboardingSteps.DeleteServers));
        replies.AddRange((await carol.Send("remind me later")).Activities);
        replies.AddRange((await carol.NewConversation().Send("hello")).Activities);

        var messages = replies.Where(r => (string?)r["type"] == "message").ToList();
        Assert.True(messages.Count >= 20, $"only {messages.Count} replies");
        foreach (var reply in messages)
        {
            var speak = (string?)reply["speak"];
            Assert.False(string.IsNullOrWhiteSpace(speak), $"no speak on {reply.ToJsonString()[..Math.Min(300, reply.ToJsonString().Length)]}");
            Assert.True(speak!.Length <= SpeakReplyShaper.MaxLength + 1, $"speak too long ({speak.Length}): {speak}");
            Assert.DoesNotContain("**", speak);
            Assert.DoesNotContain("](", speak);
            var cardSpeak = reply["attachments"]?.AsArray().Select(a => (string?)a!["content"]?["speak"]).FirstOrDefault(s => s is not null);
            if (cardSpeak is not null) Assert.Contains(cardSpeak[..Math.Min(40, cardSpeak.Length)], speak);
            else if ((string?)reply["text"] is { Length: > 0 and < 120 } text && !text.Contains('*') && !text.Contains('['))
                Assert.StartsWith(text.Trim(), speak);
        }
        Assert.Contains(messages, m => ((string?)m["speak"])!.Contains("Step 1 of 5"));
        Assert.Contains(messages, m => ((string?)m["speak"])!.Contains("Welcome back"));
    }

    // Step 1 says how many servers may hold data: "has 0 servers that may hold data. Copy everything…" told a customer
    // with none to copy, and "1 servers" was bad English.
    [Theory]
    [InlineData("en-US", "EMPTY", "EMPTY has no servers, so there is no server data to retrieve.")]
    [InlineData("en-US", "ONE", "ACME has 1 server that may hold data. Copy everything")]
    [InlineData("en-US", "ACME", "ACME has 6 servers that may hold data. Copy everything")]
    [InlineData("de-DE", "EMPTY", "EMPTY hat keine Server, also auch keine Serverdaten zu sichern.")]
    [InlineData("de-DE", "ONE", "ACME hat 1 Server, der Daten enthalten kann. Kopieren Sie")]
    [InlineData("es-ES", "EMPTY", "EMPTY no tiene servidores, así que no hay datos de servidores que recuperar.")]
    [InlineData("es-ES", "ACME", "ACME tiene 6 servidores que pueden contener datos.")]
    [InlineData("fr-FR", "EMPTY", "EMPTY ne compte aucun serveur, donc aucune donnée de serveur à récupérer.")]
    [InlineData("fr-FR", "ONE", "ACME a 1 serveur qui peut contenir des données.")]
    [InlineData("pt-BR", "EMPTY", "EMPTY não tem servidores, então não há dados de servidor para recuperar.")]
    [InlineData("pt-BR", "ACME", "ACME tem 6 servidores que podem conter dados.")]
    public async Task Speak_StepOne_SaysHowManyServersMayHoldDataInTheCustomersWords(string locale, string alias, string spoken)
    {
        await using var app = new BotApplicationFactory();
        // "ONE" is ACME with one server left.
        var kept = 0;
        if (alias == "ONE") app.KeepInInventory("ACME", keepServer: _ => kept++ == 0);
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        await chat.Send(locale[..2] switch
        {
            "de" => "Ich möchte mein Konto schließen", "es" => "quiero cerrar mi cuenta", "fr" => "je veux fermer mon compte",
            "pt" => "quero encerrar minha conta", _ => "I want to close my account",
        });
        await chat.Send(locale[..2] switch { "de" => "ja", "es" => "sí", "fr" => "oui", "pt" => "sim", _ => "yes" });
        var step = await chat.Send(alias == "ONE" ? "ACME" : alias);
        if (alias != "EMPTY") step = await chat.Send(locale[..2] switch { "de" => "nein", "es" => "no", "fr" => "non", "pt" => "não", _ => "no" });

        Assert.Contains(spoken, (string?)step.Cards.Single()["speak"]);
    }

    [Theory]
    [InlineData("en-US", "Shall we start?")]
    [InlineData("de-DE", "Sollen wir beginnen?")]
    public async Task Speak_ACardWithItsQuestionUnderIt_SaysTheQuestionOnce(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var overview = await ann.Send(locale == "de-DE" ? "Ich möchte mein Konto schließen" : "I want to close my account");

        var speaks = overview.Activities.Select(a => (string?)a["speak"] ?? "").ToList();
        Assert.Equal(question, speaks[^1]);
        Assert.Single(speaks, s => s.Contains(question));
        // The card is still announced by its gist, and its own speak (for clients that read the card) is whole.
        Assert.Contains(speaks, s => s.Length > 100);
        Assert.EndsWith(question, (string?)overview.Cards[0]["speak"]);
    }

    [Theory]
    [InlineData("Your servers are gone. Done.", "Done.", "Your servers are gone.")]
    [InlineData("Choose when it is Done.", "Done.", "Choose when it is Done.")]
    public void Shape_TheQuestionUnderACard_IsLeftOutOnlyAsAWholeSentence(string cardSpeak, string question, string expected)
    {
        var card = new Activity
        {
            Type = ActivityTypes.Message, Speak = cardSpeak,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new JsonObject() }],
        };
        var context = new ClosureBot.Protocol.Turns.TurnContext(new Activity { Type = ActivityTypes.Message });
        context.SendActivity(card);
        context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = question });

        new SpeakReplyShaper().Shape(context);

        Assert.Equal(expected, card.Speak);
    }

    [Fact]
    public void Derive_CardWithoutSpeak_ReadsTitleAndTextBlocksButNotButtons()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"**Step 9** of 9","weight":"Bolder"},
              {"type":"Container","items":[{"type":"TextBlock","text":"See [the article](https://example.test/a) first"}]}],
             "actions":[{"type":"Action.Submit","title":"Done"}]}
            """)!.AsObject();
        var reply = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }] };

        Assert.Equal("Step 9 of 9. See the article first", SpeakReplyShaper.Derive(reply));
    }

    [Theory]
    [InlineData("Delete  your\tservers\n\nfirst", "Delete your servers first")]
    [InlineData("  one\r\ntwo \u00a0 three\u2003four ", "one two three four")]
    [InlineData("plain words, one space each", "plain words, one space each")]
    public void Derive_WhitespaceOfAnyKind_IsReadAsSingleSpaces(string text, string expected)
    {
        Assert.Equal(expected, SpeakReplyShaper.Derive(new Activity { Type = ActivityTypes.Message, Text = text }));
    }

    [Fact]
    public void Derive_LongText_CutAtTheLastSentenceThatFits()
    {
        var sentence = "This sentence is exactly fifty characters long ok. ";
        var reply = new Activity { Type = ActivityTypes.Message, Text = string.Concat(Enumerable.Repeat(sentence, 10)) };

        var speak = SpeakReplyShaper.Derive(reply);

        Assert.True(speak.Length <= SpeakReplyShaper.MaxLength);
        Assert.EndsWith("long ok.", speak);
        Assert.True(speak.Length > SpeakReplyShaper.MaxLength - 52, $"cut too early: {speak.Length} characters");
    }

    // Plain text skips the three patterns; the characters that decide it must be every one a match needs.
    [Fact]
    public void MarkupStarts_HoldsEveryCharacterThePatternsWhitespaceMatches_ButTheSpace()
    {
        var whitespace = new System.Text.RegularExpressions.Regex(@"^\s$");
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (ch != ' ' && whitespace.IsMatch(ch.ToString())) Assert.True(SpeakReplyShaper.MarkupStarts.Contains(ch), $"U+{c:X4}");
        }
        foreach (var mark in "[*_#-") Assert.True(SpeakReplyShaper.MarkupStarts.Contains(mark), mark.ToString());
        Assert.False(SpeakReplyShaper.MarkupStarts.Contains(' '));
    }

    [Fact]
    public void Plain_EveryTextOfTheBotAndMarkupOfEachKind_GivesWhatThePatternsGive()
    {
        var texts = ClosureBot.Localization.Locales.Load().All
            .SelectMany(table => Enum.GetValues<ClosureBot.Localization.TextId>().Select(id => table[id]))
            .Concat([
                "", " ", "Step 2 of 5", "  padded  ", "trailing ", " leading", "tab\there", "line\nbreak", "nbsp\u00a0here",
                "em\u2003space", "narrow\u202fnbsp", "two  spaces", "see [the article](https://x.test/a)", "**bold** and __bold__",
                "*one* _two_", "snake_case_word", "- item\n- item", "- item", "* item", "# Heading", "site-to-site VPNs", "a - b", "x*y", "[not a link]",
                "Schritt 2 von 5: Löschen Sie Ihre Server", "¿Seguimos? «Sí»", "👋 hi",
            ]);
        var plainOnes = 0;
        foreach (var text in texts)
        {
            Assert.Equal(SpeakReplyShaper.PlainByPatterns(text), SpeakReplyShaper.Plain(text));
            if (text.AsSpan().IndexOfAny(SpeakReplyShaper.MarkupStarts) < 0) plainOnes++;
        }
        Assert.True(plainOnes > 100, $"{plainOnes} texts took the short way");
    }
}
