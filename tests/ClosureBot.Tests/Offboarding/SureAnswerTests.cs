using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;
using ClosureBot.Tests.Localization;

namespace ClosureBot.Tests.Offboarding;

/// <summary>
/// The irreversible flow moves only on a sure answer: the account record decides the term-commitment exception when it
/// knows, negatives and questions keep the customer at the step, and an interruption inside an answer does not win.
/// </summary>
public sealed class SureAnswerTests
{
    private static readonly Locales Tables = Locales.Load();

    [Fact]
    public async Task TermCommitment_OnRecord_SendsToSalesWithoutAskingAndNeverRequests()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll("I want to close my account", "yes");

        var exception = await ann.Send("INIT");

        exception.Says("Term commitment on record").Says("30 June 2027").Says("Our records show a cloud term commitment on INIT")
            .Says("terminate service order").DoesNotSay("Do you have a cloud term commitment?");
        (await ann.Click(new { action = "no", step = OffboardingSteps.TermCommitment })).DoesNotSay("Step 1 of 5");
        (await ann.SendAll("I want to close my account", "yes", "INIT", "no", "done")).DoesNotSay("Step 1 of 5");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task TermCommitment_RecordSaysNone_IsNotAskedSoYesDoneCannotSendToSales()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll("I want to close my account", "yes");

        (await ann.Send("EMPTY")).Says("Step 1 of 5").DoesNotSay("Do you have a cloud term commitment?");
        (await ann.Send("yes done")).Says("Step 2 of 5").DoesNotSay("sales representative");
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("I'm not sure")]
    [InlineData("yes done")]
    public async Task TermCommitment_UnclearOrYesWhenTheRecordDoesNotKnow_GoesTheSalesWay(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send(answer)).Says("sales representative").Says("I haven't requested anything").DoesNotSay("Step 1 of 5");
        (await ann.Send("done")).DoesNotSay("Step 1 of 5");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // A way of paying that has no commitment is the question's no in every language: these went the sales way as
    // unclear. Negated ("not pay as you go"), they once moved on as a no; now they are unclear and go the sales way.
    [Theory]
    [InlineData("en-US", "pay as you go", true)]
    [InlineData("en-US", "we're pay-as-you-go", true)]
    [InlineData("en-US", "month to month", true)]
    [InlineData("en-US", "no, pay as you go", true)]
    [InlineData("de-DE", "ohne Vertragslaufzeit", true)]
    [InlineData("de-DE", "monatlich kündbar", true)]
    [InlineData("es-ES", "sin permanencia", true)]
    [InlineData("es-ES", "pago por uso", true)]
    [InlineData("fr-FR", "sans engagement", true)]
    [InlineData("fr-FR", "paiement à l'usage", true)]
    [InlineData("pt-BR", "sem fidelidade", true)]
    [InlineData("pt-BR", "pagamento por uso", true)]
    [InlineData("en-US", "we pay monthly", false)]
    [InlineData("en-US", "not pay as you go", false)]
    [InlineData("en-US", "we're not on pay as you go", false)]
    public async Task TermCommitment_AWayOfPayingWithoutOne_IsTheNo_NegatedItIsUnclear(string locale, string answer, bool movesOn)
    {
        await using var app = new BotApplicationFactory();
        var t = ClosureBot.Localization.Locales.Load().For(locale);
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        foreach (var text in Script.To(OffboardingSteps.TermCommitment)) await chat.Send(text);

        var replies = await chat.Send(answer);

        var step1 = t[ClosureBot.Localization.TextId.RetrieveDataInstruction];
        if (movesOn) replies.Says(step1).DoesNotSay(t[ClosureBot.Localization.TextId.SalesUnsure]);
        else replies.Says(t[ClosureBot.Localization.TextId.SalesUnsure]).DoesNotSay(step1);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task TermCommitment_HowToCheck_IsAnsweredAndAskedAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send("how do I check?")).Says("your contract or our support team can tell you").Asks("Do you have a cloud term commitment?");
        (await ann.Send("where can I see if I have one?")).Says("your contract or our support team can tell you").Asks("Do you have a cloud term commitment?");
        (await ann.Send("no")).Says("Step 1 of 5");
    }

    [Fact]
    public async Task TermCommitment_Question_IsAnsweredAndAskedAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send("what's a term commitment?")).Says("A cloud term commitment is a contract").Asks("Do you have a cloud term commitment?");
        (await ann.Send("no")).Says("Step 1 of 5");
    }

    [Theory]
    [InlineData("I'm not done")]
    [InlineData("not yet")]
    [InlineData("no, wait")]
    [InlineData("almost done")]
    [InlineData("I haven't finished")]
    public async Task RetrieveData_Negative_KeepsTheCustomerAtStep1WithAHelpfulWord(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send(answer)).Says("No rush").Offers("Done", "I need help", "Remind me later").DoesNotSay("Step 2 of 5");
        (await ann.Send("done")).Says("Step 2 of 5");
        await ann.SendAll("done", "yes", "done", "yes", "ACME");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.True((bool)logged["dataRetrievalAcknowledged"]!);
    }

    // Still under way, or to finish later: these once moved on to step 2, as if the data were safe, because "finish" and
    // "done" read as done. The flow cannot be undone, so they keep the customer at step 1.
    [Theory]
    [InlineData("en-US", "I'm waiting for the backup to finish")]
    [InlineData("en-US", "the transfer will finish tonight")]
    [InlineData("en-US", "halfway done")]
    [InlineData("en-US", "done soon")]
    [InlineData("en-US", "I need to check with my boss first")]
    [InlineData("de-DE", "gleich fertig")]
    [InlineData("de-DE", "die Sicherung läuft noch")]
    [InlineData("es-ES", "la copia está en curso")]
    [InlineData("fr-FR", "la copie est en cours")]
    [InlineData("pt-BR", "está em andamento")]
    public async Task RetrieveData_StillUnderWay_KeepsTheCustomerAtStep1(string locale, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var line in Script.To(OffboardingSteps.RetrieveData)) await chat.Send(line);

        var replies = await chat.Send(answer);

        replies.Says(t[TextId.RetrieveDataNotYet]).DoesNotSay(t[TextId.ServersInstruction]);
        Assert.Empty(replies.Cards);
    }

    // Done in the same words as the step's own ("the running ones", "en cours d'exécution") is still done.
    [Theory]
    [InlineData("en-US", "I deleted the running servers too")]
    [InlineData("fr-FR", "j'ai supprimé les serveurs en cours d'exécution")]
    public async Task DeleteServers_DoneNamingTheRunningOnes_IsDone(string locale, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var line in Script.To(OffboardingSteps.DeleteServers)) await chat.Send(line);

        (await chat.Send(answer)).Asks(t.Plural(TextId.ServersRemain, 6));
    }

    // "I don't need any data" once got "No rush: take the time you need to copy your data", as if it were "not yet". It
    // says there is nothing to copy: the bot says so, and Done stays the customer's to choose.
    [Theory]
    [InlineData("en-US", "I don't need any data")]
    [InlineData("en-US", "we don't need to keep anything")]
    [InlineData("en-US", "nothing to keep")]
    [InlineData("en-US", "no need")]
    [InlineData("de-DE", "wir brauchen keine Daten")]
    [InlineData("es-ES", "no necesito los datos")]
    [InlineData("fr-FR", "rien à sauvegarder")]
    [InlineData("pt-BR", "não preciso dos dados")]
    // Data that does not matter to the customer: once "No rush: take the time you need to copy your data".
    [InlineData("en-US", "I don't care about the data")]
    [InlineData("en-US", "nothing important on them")]
    [InlineData("de-DE", "die Daten sind mir egal")]
    [InlineData("de-DE", "nichts Wichtiges drauf")]
    [InlineData("es-ES", "no me importan los datos")]
    [InlineData("es-ES", "no hay nada importante")]
    [InlineData("fr-FR", "les données ne m'intéressent pas")]
    [InlineData("fr-FR", "rien d'important dessus")]
    [InlineData("pt-BR", "não me importo com os dados")]
    [InlineData("pt-BR", "nada importante neles")]
    public async Task RetrieveData_NothingToKeep_SaysSoAndWaitsForDone(string locale, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var text in Script.To(OffboardingSteps.RetrieveData)) await chat.Send(text);

        var replies = await chat.Send(answer);

        replies.Says(t.Format(TextId.NothingToKeep, "ACME")).DoesNotSay(t[TextId.RetrieveDataNotYet])
            .Asks(t[TextId.RetrieveDataInstruction]);
        (await chat.Send(t[TextId.Done])).Asks(t[TextId.ServersInstruction]);
    }

    // "done, no errors" once got "All right, take your time": the negation said nothing went wrong, not "not done".
    [Theory]
    [InlineData("en-US", "done, no errors")]
    [InlineData("en-US", "all deleted, no problems")]
    [InlineData("de-DE", "erledigt, keine Fehler")]
    [InlineData("fr-FR", "c'est fait, aucune erreur")]
    public async Task DeleteServers_DoneWithNothingWrong_GoesOn(string locale, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var text in Script.To(OffboardingSteps.DeleteServers)) await chat.Send(text);

        // Six servers are still on ACME, so Done asks whether to go on anyway.
        (await chat.Send(answer)).DoesNotSay(t[TextId.ServersNotDone]).Asks(t.Plural(TextId.ServersRemain, 6));
    }

    [Fact]
    public async Task RetrieveData_BillingQuestion_NeitherPausesNorAdvances()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send("how much will the last bill be?")).DoesNotSay("I've saved your place").DoesNotSay("Step 2 of 5")
            .Asks(Script.Question(OffboardingSteps.RetrieveData));
        (await ann.Send("done")).Says("Step 2 of 5");
    }

    [Fact]
    public async Task RetrieveData_DoneMentioningTheSupportAgent_IsAnAnswerNotAHandoff()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send("done, I asked the support agent about it")).Says("Step 2 of 5").DoesNotSay("You can reach our support team");
    }

    [Fact]
    public async Task RetrieveData_TalkToSupportInsideAQuestion_IsTheInterruption()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send("could I talk to a person about this?")).Says("I've asked our support team to join this chat").DoesNotSay("Step 2 of 5");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("how much will the last bill be?")]
    [InlineData("not yet")]
    [InlineData("what servers?")]
    public async Task DeleteServers_NotADone_NeverWarnsOrAdvances(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send(answer)).DoesNotSay("Continue anyway?").DoesNotSay("Step 3 of 5");
        (await ann.Send("done")).Asks("6 servers remain and keep incurring charges until the closure is verified. Continue anyway?");
    }

    [Fact]
    public async Task DeleteServers_CheckItAgain_RedrawsTheStep()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        app.KeepInInventory("ACME", keepServer: s => (string?)s["state"] == "Archived");

        (await ann.Send("check it again")).Says("Step 2 of 5").Says("1 server remains on ACME").DoesNotSay("Continue anyway?");
    }

    [Theory]
    [InlineData("all deleted")]
    [InlineData("I've deleted them now")]
    public async Task ContinueAnyway_AnsweredDone_LooksAgainInsteadOfGoingOn(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("done");
        app.KeepInInventory("ACME", keepServer: _ => false);

        (await ann.Send(answer)).Says("Step 2 of 5").Says("All clear: no servers remain on ACME").DoesNotSay("Please answer yes or no")
            .DoesNotSay("Step 3 of 5");
        (await ann.Send("done")).Says("Step 3 of 5");
    }

    [Fact]
    public async Task ContinueAnyway_AnsweredDone_WhileServersRemain_ShowsThemAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));
        await ann.Send("done");

        (await ann.Send("all removed")).Says("Step 3 of 5").Says("7 services remain on ACME").DoesNotSay("Step 4 of 5");
    }

    [Fact]
    public async Task ContinueAnyway_Question_IsNotAYes()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("done");

        (await ann.Send("is that ok?")).DoesNotSay("Step 3 of 5").Asks("6 servers remain and keep incurring charges until the closure is verified. Continue anyway?");
    }
}
