using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Localization;

/// <summary>
/// The whole closure in each language, over the real endpoint, with the locale and time zone Web Chat sends: every text
/// and card in the customer's language (checked against the language's own table), no English sentence left anywhere.
/// </summary>
public sealed partial class LanguageTranscriptTests
{
    private static readonly Locales Tables = Locales.Load();

    [GeneratedRegex(@"CLS-20261112-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}")]
    private static partial Regex Reference();

    [Theory]
    [InlineData("es-MX")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("pt-BR")]
    public async Task WholeFlow_BrowserLocale_EveryTextAndCardInThatLanguage(string locale)
    {
        await using var app = new BotApplicationFactory();
        var t = Tables.For(locale);
        var chat = new LocalizedChat(app.WebChat(), locale, "Europe/Berlin");
        var all = new List<Replies>();
        async Task<Replies> Turn(Task<Replies> sent) { var r = await sent; all.Add(r); return r; }

        var welcome = await Turn(chat.Send("hallo"));
        welcome.Says(Card(t, "welcome", "iCanWalk"));
        (await Turn(chat.Click(new { action = "start" }))).Says(Card(t, "overview", "weReSorry")).Says(t[TextId.SummaryDeleteServices]).Asks(t[TextId.ShallWeStart]);
        (await Turn(chat.Click(new { action = "yes", step = "overview" }))).Asks(t[TextId.AskAlias]);
        (await Turn(chat.Send("ACME"))).Says(Card(t, "termCommitment", "ifYouHave")).Asks(t[TextId.AskTermCommitment]);
        (await Turn(chat.Click(new { action = "no", step = "term-commitment" })))
            .Says(Card(t, "step1", "stepOf")).Says(t[TextId.StateRunning]).Asks(t[TextId.RetrieveDataInstruction])
            .Offers(t[TextId.Done], t[TextId.NeedHelp], t[TextId.RemindMeLater]);
        (await Turn(chat.Click(new { action = "help", step = "retrieve-data" }))).Says(t[TextId.HelpRetrieveData][..40]);
        var step2 = await Turn(chat.Click(new { action = "done", step = "retrieve-data" }));
        // Checked at 09:30 UTC, read in Berlin: 10:30, in the language's date format, without "UTC".
        step2.Says(Card(t, "step2", "stepOf")).DoesNotSay("UTC").Says(new DateTime(2026, 11, 12, 10, 30, 0).ToString(t[TextId.DateTimeFormat], t.Culture))
            .Offers(t[TextId.Done], t[TextId.CheckAgain]);
        (await Turn(chat.Click(new { action = "done", step = "delete-servers" }))).Asks(t.Plural(TextId.ServersRemain, 6)).Offers(t[TextId.Yes], t[TextId.No]);
        (await Turn(chat.Click(new { action = "yes" }))).Says(Card(t, "step3", "stepOf")).Says(t[TextId.KindPublicIpAddress]);
        (await Turn(chat.Click(new { action = "done", step = "delete-services" }))).Asks(t.Plural(TextId.ServicesRemain, 7));
        (await Turn(chat.Click(new { action = "yes" }))).Says(Card(t, "step4", "thisIsThe")).Asks(t.Format(TextId.TypeAliasToConfirm, "ACME"));
        var receipt = await Turn(chat.Send("ACME"));
        var reference = Reference().Match(receipt.Everything).Value;
        var invoiceDate = new DateOnly(2026, 11, 30).ToString(t[TextId.DateFormat], t.Culture);
        receipt.Says(t.Format(TextId.Receipt, "ACME", reference, invoiceDate)).Says(Card(t, "receipt", "thankYouFor"));
        (await Turn(chat.Click(new { action = "status" }))).Says(t.Format(TextId.EndedRequested, "ACME", reference));

        Assert.All(all.SelectMany(r => r.Activities), a => Assert.Equal(locale, (string?)a["locale"]));
        AssertNoEnglish(all);
    }

    [Theory]
    [InlineData("es-ES", "cerrar mi cuenta", "cancelar")]
    [InlineData("fr-FR", "fermer mon compte", "annuler")]
    [InlineData("de-DE", "Konto schließen", "abbrechen")]
    [InlineData("pt-BR", "encerrar minha conta", "cancelar")]
    public async Task TypedWords_TheBotTellsTheCustomerToType_AreUnderstoodInThatLanguage(string locale, string start, string cancel)
    {
        await using var app = new BotApplicationFactory();
        var t = Tables.For(locale);
        var chat = new LocalizedChat(app.WebChat(), locale);
        Assert.Contains(start, t[TextId.EndedStartAgain], StringComparison.Ordinal);
        Assert.Contains(cancel, t.Format(TextId.TypeAliasToConfirm, "ACME"), StringComparison.Ordinal);

        (await chat.Send(start)).Asks(t[TextId.ShallWeStart]);
        (await chat.Send(cancel)).Asks(t[TextId.ConfirmCancel]);
        (await chat.Click(new { action = "yes" })).Says(t[TextId.Cancelled]);
    }

    // An aside in a new language (help, thanks, where am I) was answered in it, and the step's question repeated in the old one.
    [Theory]
    [InlineData("Hilfe")]
    [InlineData("danke")]
    [InlineData("wo war ich?")]
    public async Task Aside_InANewLanguage_TheStepComesAgainInThatLanguage(string aside)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        var chat = new LocalizedChat(ann, "de-DE");

        var replies = await chat.Send(aside);

        replies.DoesNotSay(Script.Question(OffboardingSteps.DeleteServers)).Says(Tables.For("de-DE")[TextId.ServersInstruction]);
        Assert.All(replies.Activities, a => Assert.StartsWith("de", (string?)a["locale"] ?? "", StringComparison.Ordinal));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // A later step's button (a card left from a conversation that got further) is refused in the customer's language,
    // without calling that step an earlier one.
    [Theory]
    [InlineData("de-DE", "Diese Schaltfläche gehört zu einem späteren Schritt. Wir sind jetzt bei Schritt 1 von 5 – Ihre Daten sichern.")]
    [InlineData("es-ES", "Ese botón pertenece a un paso posterior. Ahora estamos en Paso 1 de 5: Recupere sus datos.")]
    [InlineData("fr-FR", "Ce bouton appartient à une étape ultérieure. Nous en sommes maintenant à l'étape 1 sur 5 : Récupérer vos données.")]
    [InlineData("pt-BR", "Esse botão pertence a uma etapa posterior. Agora estamos neste ponto: Etapa 1 de 5 — Recupere seus dados.")]
    public async Task StaleCard_ALaterStepsButton_SaysItIsForALaterStepInThatLanguage(string locale, string later)
    {
        await using var app = new BotApplicationFactory();
        var t = Tables.For(locale);
        var chat = new LocalizedChat(app.WebChat(), locale);
        await chat.WalkTo(OffboardingSteps.RetrieveData);

        var stale = await chat.Click(new { action = "confirm-close", step = "request-close", confirmAlias = "ACME" });

        stale.Says(later).DoesNotSay(t[TextId.Stale].Split(". ")[0]).Asks(t[TextId.RetrieveDataInstruction]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // Each server's state is said of that one server: "Parados" (stopped, plural) stood beside a single server at step 1.
    [Theory]
    [InlineData("pt-BR", "não", "Parado", "Parados")]
    [InlineData("es-ES", "no", "Detenido", "Detenidos")]
    [InlineData("fr-FR", "non", "Arrêté", "Arrêtés")]
    public async Task RetrieveData_AServersState_IsSaidOfThatOneServer(string locale, string no, string singular, string plural)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));
        var chat = new LocalizedChat(ann, locale);

        var step1 = await chat.Send(no);

        step1.Says("VA1ACMEBATCH01").Says(singular).DoesNotSay(plural);
    }

    [Theory]
    [InlineData("ja-JP")]
    [InlineData(null)]
    public async Task Start_UnknownOrMissingLocale_SpeaksEnglish(string? locale)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);

        var overview = await chat.Click(new { action = "start" });

        overview.Says("We're sorry to see you go").Asks("Shall we start?");
        Assert.All(overview.Activities, a => Assert.Equal("en-GB", (string?)a["locale"]));
    }

    [Fact]
    public async Task Conversation_LocaleSwitchesMidway_FollowsTheLatestActivity()
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), "en-US");
        (await chat.Click(new { action = "start" })).Asks("Shall we start?");
        await chat.Click(new { action = "yes", step = "overview" });

        chat.Locale = "es-ES";
        var exception = await chat.Send("ACME");

        exception.Says("Compromiso de permanencia en la nube").Asks("¿Tiene un compromiso de permanencia en la nube?").DoesNotSay("Cloud term commitment");
    }

    [Fact]
    public async Task Step_LocaleSwitchesWithAnUnclearAnswer_ShowsTheStepAgainInTheNewLanguage()
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), "en-GB");
        await chat.Click(new { action = "start" });
        await chat.Click(new { action = "yes", step = "overview" });
        await chat.Send("ACME");
        (await chat.Click(new { action = "no", step = "term-commitment" })).Says("Retrieve your data");

        chat.Locale = "de-DE";
        var again = await chat.Send("xyz");

        again.Says("Ihre Daten sichern").Asks("Wenn Ihre Daten gesichert sind, wählen Sie „Erledigt“.").DoesNotSay("Retrieve your data");
    }

    [Fact]
    public async Task Receipt_NoTimeZoneSent_SaysUtc()
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), "de-DE");
        var receipt = await WalkToReceiptAsync(chat);

        Assert.Equal("12.11.2026, 09:30 UTC", receipt.Fact("Beantragt am"));
    }

    [Fact]
    public async Task Receipt_OnlyTheLocalTimestampsOffset_ShowsThatLocalTime()
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), "pt-BR", offset: TimeSpan.FromHours(-3));
        var receipt = await WalkToReceiptAsync(chat);

        Assert.Equal("12 de novembro de 2026, 06:30", receipt.Fact("Solicitado em"));
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public async Task Reference_ServerCultureDiffers_StaysInvariant(string serverCulture)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(serverCulture);
        try
        {
            await using var app = new BotApplicationFactory();
            var receipt = await WalkToReceiptAsync(new LocalizedChat(app.WebChat(), "en-GB"));

            var reference = receipt.Fact("Reference");
            Assert.Matches(Reference(), reference);
            var logged = Assert.Single(await app.ClosureRequestsAsync())!;
            Assert.Equal(reference, (string?)logged["reference"]);
            Assert.Equal(BotApplicationFactory.Start, DateTimeOffset.Parse((string)logged["createdAt"]!, CultureInfo.InvariantCulture));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static async Task<Replies> WalkToReceiptAsync(LocalizedChat chat)
    {
        await chat.Click(new { action = "start" });
        await chat.Click(new { action = "yes", step = "overview" });
        await chat.Send("ACME");
        await chat.Click(new { action = "no", step = "term-commitment" });
        await chat.Click(new { action = "done", step = "retrieve-data" });
        await chat.Click(new { action = "done", step = "delete-servers" });
        await chat.Click(new { action = "yes" });
        await chat.Click(new { action = "done", step = "delete-services" });
        await chat.Click(new { action = "yes" });
        return await chat.Send("ACME");
    }

    // The card string as the customer reads it: its template expressions, if any, stop the comparison.
    private static string Card(LocaleTable t, string group, string key)
    {
        var text = (string)t.Cards[group]![key]!;
        var cut = text.IndexOf("${", StringComparison.Ordinal);
        return cut < 0 ? text : text[..cut];
    }

    // No sentence of the English tables (texts or cards) in anything the customer read.
    private static void AssertNoEnglish(IEnumerable<Replies> replies)
    {
        var everything = string.Join("\n", replies.Select(r => r.Everything));
        var english = Tables.English;
        var sentences = Enum.GetValues<TextId>().Select(id => english[id])
            .Concat(CardStrings(english.Cards))
            .SelectMany(s => Regex.Split(s, @"\{\d\}|\$\{[^}]*\}"))
            .Select(s => s.Trim(' ', '.', ':', ',', '"'))
            .Where(s => s.Length >= 15 && !s.Contains("Control Portal", StringComparison.Ordinal) && !s.Contains("Request to close", StringComparison.Ordinal))
            .Distinct();
        var leaks = sentences.Where(s => everything.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "English the customer read:\n" + string.Join("\n", leaks) + "\n--- everything:\n" + everything);
    }

    private static IEnumerable<string> CardStrings(JsonObject node) =>
        node.SelectMany(p => p.Value is JsonObject group ? CardStrings(group) : [(string)p.Value!]);
}
