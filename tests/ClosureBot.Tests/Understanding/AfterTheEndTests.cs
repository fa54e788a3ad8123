using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>After the closure ends (logged, sent to sales, cancelled) the conversation still knows how it ended.</summary>
public sealed class AfterTheEndTests
{
    private static readonly ClosureBot.Localization.Locales Tables = ClosureBot.Localization.Locales.Load();

    [Fact]
    public async Task AfterClosure_OldButtonClicked_SaysTheConversationEndedAndHow()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;

        (await ann.Click(new { action = "done", step = "delete-servers" }))
            .Says("That button belongs to a conversation that has ended").Says(reference).DoesNotSay("Step 3 of 5");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Theory]
    [InlineData("what was my reference again?")]
    [InlineData("sorry, what's the ticket number?")]
    public async Task AfterClosure_QuestionAboutTheReference_RepeatsIt(string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;

        (await ann.Send(question)).Says(reference).DoesNotSay("I don't know the answer");
    }

    // The welcome card's "Shall we start?" would offer to close an account whose closure is already requested.
    [Theory]
    [InlineData("ok")]
    [InlineData("great")]
    [InlineData("hello")]
    [InlineData("hmm")]
    [InlineData("yes")]
    public async Task AfterClosure_WordsItDoesNotRead_SayHowItEndedNotTheWelcome(string text)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;

        var replies = await ann.Send(text);

        replies.Says(reference).Says("Nothing else is needed from you").Says("just say \"close my account\"").DoesNotSay("Shall we start?");
        Assert.Empty(replies.Cards);
        Assert.Single(await app.ClosureRequestsAsync());
        (await ann.Send("close my account")).Says("Shall we start?");
    }

    [Fact]
    public async Task AfterClosure_WhatNow_SaysHowItEndedAndOffersSupport()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;

        (await ann.Send("what now?")).Says(reference).Says("Nothing else is needed from you").DoesNotSay("Answer yes to begin")
            .Offers("Talk to support");
    }

    [Fact]
    public async Task AfterClosure_HalloInGerman_SaysHowItEndedInGerman()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, "de-DE");

        var replies = await chat.Send("hallo");

        replies.Says(reference).Says("Von Ihnen ist nichts weiter nötig");
        Assert.Empty(replies.Cards);
    }

    [Fact]
    public async Task AfterClosure_CanIUndoThis_IsAnsweredHonestly()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.HappyPath);

        (await ann.Send("can I undo this?")).Says("Once sent it cannot be undone").DoesNotSay("I don't know the answer");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    // Regret right after the request ("I changed my mind", "cancel", "stop") got the welcome card, whose "Hi, I'm
    // ClosureBot … Would you like to start?" ignored it; "cancel my closure request" got the status alone. The customer
    // now hears that the sent request stands and cannot be undone, with the reference and Talk to support.
    [Theory]
    [InlineData("en-US", "I changed my mind")]
    [InlineData("en-US", "cancel")]
    [InlineData("en-US", "stop")]
    [InlineData("en-US", "cancel my closure request")]
    [InlineData("en-US", "withdraw my request")]
    [InlineData("de-DE", "ich habe es mir anders überlegt")]
    [InlineData("es-ES", "he cambiado de opinión")]
    [InlineData("fr-FR", "j'ai changé d'avis")]
    [InlineData("pt-BR", "mudei de ideia")]
    public async Task AfterClosure_Regret_SaysTheRequestStandsAndOffersSupport(string locale, string text)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);
        var t = Tables.For(locale);

        var replies = await chat.Send(text);

        replies.Says(reference).Says(t[ClosureBot.Localization.TextId.EndedCannotUndo])
            .DoesNotSay(t[ClosureBot.Localization.TextId.ShallWeStart]).DoesNotSay(t[ClosureBot.Localization.TextId.EndedStartAgain]);
        Assert.Empty(replies.Cards);
        Assert.Equal([t[ClosureBot.Localization.TextId.TalkToSupport]], replies.LastButtons);
        Assert.Single(await app.ClosureRequestsAsync());
    }

    // Asked, it is answered from the knowledge base; mid-flow, "cancel my request" still asks whether to stop closing.
    [Fact]
    public async Task CancellingTheRequest_AskedAfterIt_IsAnsweredAndMidFlowAsksToStop()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.HappyPath);
        (await ann.Send("can I cancel my closure request?")).Says("Once sent it cannot be undone").DoesNotSay("I don't know the answer");

        var bob = app.WebChat();
        await bob.SendAll(Script.To(OffboardingSteps.DeleteServers));
        (await bob.Send("can I withdraw the request later?")).Says("Once sent it cannot be undone").Asks(Script.Question(OffboardingSteps.DeleteServers));
        (await bob.Send("cancel my request")).Says("Do you want to stop closing");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task MidFlow_QuestionAboutTheReference_SaysWhenThereWillBeOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send("will I get a reference number?")).Says("a reference that starts with CLS-").DoesNotSay("I don't know the answer")
            .Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Fact]
    public async Task AfterClosure_NewClosureIntent_StartsOver()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.HappyPath);

        (await ann.Send("I'd like to close my account again")).Says("We're sorry to see you go").Asks("Shall we start?");
        (await ann.Send("status")).Says("You're at the overview").DoesNotSay("is logged");
    }

    [Fact]
    public async Task AfterSales_Status_RepeatsTheOutcome()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll("I want to close my account", "yes", "ACME", "yes");

        (await ann.Send("status")).Says("closed through your sales representative").DoesNotSay("Hi, I'm ClosureBot");
        (await ann.Send("thank you!")).Says("Goodbye");
    }

    // After a closure that requested nothing the welcome comes again, and its question ("Would you like to start, or talk
    // to support?") is answered as a first welcome's is: it once came back again and again, whatever the customer answered.
    [Theory]
    [InlineData("sales", "yes")]
    [InlineData("sales", "sure")]
    [InlineData("cancel", "yes")]
    public async Task AfterAnEndThatRequestedNothing_YesToTheWelcomeAgain_StartsTheClosure(string ending, string yes)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        if (ending == "sales") await ann.SendAll("I want to close my account", "yes", "ACME", "yes");
        else await ann.SendAll([.. Script.To(OffboardingSteps.DeleteServers), "cancel", "yes"]);

        (await ann.Send("ok")).Says("Hi, I'm ClosureBot").Offers("Start account closure");
        (await ann.Send(yes)).Says("We're sorry to see you go").Asks("Shall we start?");
        (await ann.Send("yes")).Asks("Which account do you want to close?");
    }

    // Help at the welcome ends "Answer yes to begin, or no to stop here": the yes begins, before any closure (a channel that
    // sent no conversation update first) and after one that requested nothing alike.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HelpWhileIdle_ThenYes_BeginsTheClosure(bool afterSales)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        if (afterSales) await ann.SendAll("I want to close my account", "yes", "ACME", "yes");

        (await ann.Send("help")).Says("Answer yes to begin, or no to stop here.");
        (await ann.Send("yes")).Says("We're sorry to see you go").Asks("Shall we start?");
    }

    [Fact]
    public async Task AfterSalesInGerman_JaToTheWelcomeAgain_StartsTheClosure()
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), "de-DE");
        foreach (var text in new[] { "ich möchte mein Konto schließen", "ja", "ACME", "ja" }) await chat.Send(text);

        (await chat.Send("hallo")).Says("Hallo, ich bin ClosureBot");
        (await chat.Send("ja")).Asks("Sollen wir beginnen?");
    }

    [Fact]
    public async Task AfterSales_NoToTheWelcomeAgain_IsTakenAsNotNow()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll("I want to close my account", "yes", "ACME", "yes");

        (await ann.Send("hello")).Says("Hi, I'm ClosureBot").Offers("Start account closure");
        (await ann.Send("no")).Says("No problem. Whenever you'd like to close your account").DoesNotSay("Hi, I'm ClosureBot");
        // How it ended is still known after the welcome.
        (await ann.Send("status")).Says("closed through your sales representative");
    }

    [Fact]
    public async Task AfterCancel_WhereWasI_SaysNothingWasRequested()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.SendAll("cancel", "yes");

        (await ann.Send("where was I?")).Says("You stopped closing your account. Nothing has been requested");
    }

    [Fact]
    public async Task MidFlow_Thanks_IsAcknowledgedAndTheQuestionAskedAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send("thanks!")).Says("You're welcome").DoesNotSay("having trouble").Asks(Script.Question(OffboardingSteps.RetrieveData));
        (await ann.Send("done")).Says("Step 2 of 5");
    }

    // Asking whether the account is closed yet, what happens now or whether anything is left to do is asking for the
    // outcome: it once started a new closure ("is my account closed yet?" named the account and "closed") or got "I
    // don't know".
    [Theory]
    [InlineData("en-US", "is my account closed yet?", "Nothing else is needed from you")]
    [InlineData("en-US", "has my account been closed?", "Nothing else is needed from you")]
    [InlineData("en-US", "anything else I need to do?", "Nothing else is needed from you")]
    [InlineData("en-US", "is there anything else I need to do?", "Nothing else is needed from you")]
    [InlineData("en-US", "what happens now?", "Nothing else is needed from you")]
    [InlineData("en-US", "so am I done?", "Nothing else is needed from you")]
    [InlineData("de-DE", "Ist mein Konto schon geschlossen?", "Von Ihnen ist nichts weiter nötig")]
    [InlineData("de-DE", "Was passiert jetzt?", "Von Ihnen ist nichts weiter nötig")]
    [InlineData("de-DE", "Muss ich noch etwas tun?", "Von Ihnen ist nichts weiter nötig")]
    [InlineData("es-ES", "¿Ya está cerrada mi cuenta?", "No necesita hacer nada más")]
    [InlineData("es-ES", "¿Qué pasa ahora?", "No necesita hacer nada más")]
    [InlineData("fr-FR", "Mon compte est-il déjà fermé ?", "Vous n'avez rien d'autre à faire")]
    [InlineData("fr-FR", "Que se passe-t-il maintenant ?", "Vous n'avez rien d'autre à faire")]
    [InlineData("pt-BR", "Minha conta já foi encerrada?", "Você não precisa fazer mais nada")]
    [InlineData("pt-BR", "O que acontece agora?", "Você não precisa fazer mais nada")]
    public async Task AfterClosure_IsItClosedOrWhatNow_RepeatsTheOutcomeNotANewClosure(string locale, string question, string outcome)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        replies.Says(reference).Says(outcome).DoesNotSay("I don't know").DoesNotSay("Shall we start?");
        Assert.Empty(replies.Cards);
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Theory]
    [InlineData("is my account closed yet?")]
    [InlineData("what happens now?")]
    [InlineData("anything else I need to do?")]
    public async Task MidFlow_IsItClosedOrWhatNow_SaysWhereTheCustomerIs(string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send(question)).Says("Step 2 of 5").DoesNotSay("already on it").DoesNotSay("I don't know")
            .Asks(Script.Question(OffboardingSteps.DeleteServers));
        Assert.Empty(await app.ClosureRequestsAsync());
    }
}
