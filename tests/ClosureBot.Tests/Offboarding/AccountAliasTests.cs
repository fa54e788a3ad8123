using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>The account is named by its alias twice: to choose it, and to confirm the request at step 4.</summary>
public sealed class AccountAliasTests
{
    [Fact]
    public async Task Account_WrongAliasThenRightOne_CarriesOn()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        (await ann.Send("ACMEE")).Says("Did you mean ACME?").Offers("ACME")
            .Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("ACME")).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    // "Did you mean ACME?" answered "yes" once got "I couldn't find an account with the alias 'yes'".
    [Theory]
    [InlineData("en-US", "yes")]
    [InlineData("en-US", "yes that one")]
    [InlineData("en-US", "yep, that's it")]
    [InlineData("fr-FR", "oui")]
    [InlineData("de-DE", "ja, genau")]
    public async Task Account_YesToTheSuggestion_TakesTheSuggestedAccount(string locale, string yes)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        (await chat.Send("ACMEE")).Offers("ACME");
        var replies = await chat.Send(yes);

        replies.DoesNotSay("\"" + yes + "\"").DoesNotSay("«").Says(ClosureBot.Localization.Locales.Load().For(locale)[ClosureBot.Localization.TextId.AskTermCommitment]);
    }

    // The account named in the first message was forgotten: after "Shall we start?" the bot asked which account.
    [Theory]
    [InlineData("en-US", "Hello! We're moving to AWS and need to shut down our cloud account ACME", "sure")]
    [InlineData("en-US", "please close account acme.", "yes")]
    [InlineData("de-DE", "Ich möchte mein Konto ACME kündigen", "ja")]
    public async Task Start_NamingTheAccount_DoesNotAskForItAgain(string locale, string start, string yes)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);
        var t = ClosureBot.Localization.Locales.Load().For(locale);

        (await chat.Send(start)).Says(t[ClosureBot.Localization.TextId.ShallWeStart]);
        (await chat.Send(yes)).Says(t[ClosureBot.Localization.TextId.AskTermCommitment]).DoesNotSay(t[ClosureBot.Localization.TextId.AskAlias]);
    }

    // "ACME and EMPTY" once got "I couldn't find an account alias in that", though it named two.
    [Theory]
    [InlineData("en-US", "ACME and EMPTY", "You named more than one account (ACME, EMPTY). Let's close one at a time")]
    [InlineData("en-US", "both acme and the Empty Shell Co one", "You named more than one account (ACME, EMPTY).")]
    [InlineData("de-DE", "ACME und EMPTY", "Sie haben mehr als ein Konto genannt (ACME, EMPTY).")]
    public async Task Account_TwoAccountsNamed_AsksForOneAtATime(string locale, string answer, string reply)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        await chat.Send(locale == "de-DE" ? "Ich möchte mein Konto schließen" : "I want to close my account");
        await chat.Send(locale == "de-DE" ? "ja" : "yes");

        var replies = await chat.Send(answer);

        replies.Says(reply).DoesNotSay("couldn't find").DoesNotSay("konnte kein");
        (await chat.Send("EMPTY")).Says("EMPTY").DoesNotSay("ACME");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // "close EMPTY too" while closing ACME once got step 2's question again, as if nothing had been said.
    [Theory]
    [InlineData("en-US", "close EMPTY too", "We're closing ACME now, one account at a time. Once it's done, just say \"close EMPTY\".")]
    [InlineData("en-US", "EMPTY", "We're closing ACME now, one account at a time.")]
    [InlineData("de-DE", "EMPTY auch schließen", "Wir schließen gerade ACME, ein Konto nach dem anderen.")]
    public async Task MidFlow_AnotherAccountNamed_IsToldOneAtATimeAndClosesItAfter(string locale, string text, string reply)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var de = locale == "de-DE";
        foreach (var step in de ? new[] { "Ich möchte mein Konto schließen", "ja", "ACME", "nein", "erledigt" } : ["I want to close my account", "yes", "ACME", "no", "done"])
            await chat.Send(step);

        var replies = await chat.Send(text);

        replies.Says(reply).Asks(de ? "Löschen Sie Ihre Server" : Script.Question(OffboardingSteps.DeleteServers));
        if (de) return;
        // Naming the account being closed is no news: the step's own reminder.
        (await chat.Send("ACME")).DoesNotSay("one account at a time").Asks("Choose Done when your servers are deleted");
        foreach (var step in new[] { "done", "yes", "done", "yes", "ACME" }) await chat.Send(step);
        (await chat.Send("close EMPTY")).Asks("Shall we start?");
        (await chat.Send("yes")).Says("EMPTY").DoesNotSay("Which account");
    }

    [Fact]
    public async Task Start_NamingAnUnknownAccount_AsksWhichAccount()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        await ann.Send("please close account ZZTOP");
        (await ann.Send("yes")).Asks(Script.Question(OffboardingSteps.Account));
    }

    [Fact]
    public async Task Account_NoToTheSuggestion_AsksForTheAliasAgainWithoutLookingUpNo()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        await ann.Send("ACMEE");
        (await ann.Send("no")).DoesNotSay("alias \"no\"").Asks(Script.Question(OffboardingSteps.Account));
        // The suggestion stood for one answer only: a later "yes" is not taken for it.
        (await ann.Send("yes")).Says("alias \"yes\"").Asks(Script.Question(OffboardingSteps.Account));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Account_ThreeUnknownAliases_OffersSupport()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        await ann.Send("NOPE1");
        (await ann.Send("NOPE2")).DoesNotSay("I'm having trouble understanding");
        (await ann.Send("NOPE3")).Says("I'm having trouble understanding").Offers("Talk to support").Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("ACME")).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task Confirmation_WrongAliasThenRightOne_LogsOnlyAfterTheRightOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Send("INIT")).Says("That doesn't match ACME, so nothing has been requested.")
            .Asks(Script.Question(OffboardingSteps.RequestClose));
        Assert.Empty(await app.ClosureRequestsAsync());

        (await ann.Send("ACME")).Says("Your closure request for ACME is logged.");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.Equal("ACME", (string?)logged["accountAlias"]);
    }

    // The alias alone confirms in any case, with a full stop or an exclamation mark after it.
    [Theory]
    [InlineData("acme.")]
    [InlineData("Acme!")]
    [InlineData("  ACME  ")]
    // The question puts "cancel" in quotes, and customers copy the alias the same way; the quotes once got "type the
    // alias ACME on its own".
    [InlineData("\"ACME\"")]
    [InlineData("'acme'")]
    [InlineData("“ACME”")]
    [InlineData("«ACME»")]
    [InlineData("`ACME`")]
    [InlineData("\"ACME\".")]
    public async Task Confirmation_TheAliasInAnyCaseWithPunctuation_LogsTheRequest(string typed)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Send(typed)).Says("Your closure request for ACME is logged.");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    // The confirmation is the alias alone. "confirm ACME" once got "That doesn't match ACME", though it holds ACME.
    [Theory]
    [InlineData("en-US", "confirm ACME", "To confirm, type the alias ACME on its own, with nothing else. Nothing has been requested yet.")]
    [InlineData("en-US", "ACME please close it", "To confirm, type the alias ACME on its own")]
    [InlineData("en-US", "ACMEX", "That doesn't match ACME, so nothing has been requested.")]
    [InlineData("en-US", "ACME-2", "That doesn't match ACME, so nothing has been requested.")]
    [InlineData("en-US", "\"confirm ACME\"", "To confirm, type the alias ACME on its own")]
    [InlineData("en-US", "\"ACMEX\"", "That doesn't match ACME, so nothing has been requested.")]
    [InlineData("de-DE", "ACME bestätigen", "Zur Bestätigung geben Sie bitte nur das Kürzel ACME ein")]
    public async Task Confirmation_AliasAmongOtherWords_AsksForTheAliasAloneAndLogsNothing(string locale, string typed, string reply)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        foreach (var text in locale == "de-DE"
                     ? new[] { "Ich möchte mein Konto schließen", "ja", "ACME", "nein", "erledigt", "erledigt", "ja", "erledigt", "ja" }
                     : Script.To(OffboardingSteps.RequestClose))
            await chat.Send(text);

        (await chat.Send(typed)).Says(reply).DoesNotSay("is logged").DoesNotSay("wurde erfasst");
        Assert.Empty(await app.ClosureRequestsAsync());
        if (locale == "en-US") (await chat.Send("ACME")).Says("Your closure request for ACME is logged.");
    }

    // "Not yet", "wait" or "I'm not ready" at the typed confirmation once got "That doesn't match ACME", as if the alias
    // were mistyped, and counted as a miss (three misses bring the support offer). They get "Take your time: nothing has
    // been requested yet." and the question again, no miss counted; the alias still confirms.
    [Theory]
    [InlineData("en-US", "not yet")]
    [InlineData("en-US", "wait")]
    [InlineData("en-US", "I'm not ready")]
    [InlineData("de-DE", "Moment")]
    [InlineData("de-DE", "noch nicht")]
    [InlineData("es-ES", "espera")]
    [InlineData("es-ES", "todavía no")]
    [InlineData("fr-FR", "attendez")]
    [InlineData("fr-FR", "pas encore")]
    [InlineData("pt-BR", "espera")]
    [InlineData("pt-BR", "ainda não")]
    public async Task Confirmation_NotReadyYet_TakesItsTimeWithoutAMiss(string locale, string typed)
    {
        await using var app = new BotApplicationFactory();
        var t = ClosureBot.Localization.Locales.Load().For(locale);
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        foreach (var text in Script.To(OffboardingSteps.RequestClose)) await chat.Send(text);

        for (var i = 0; i < 3; i++)
        {
            var replies = await chat.Send(typed);
            replies.Says(t[ClosureBot.Localization.TextId.ConfirmNotYet]).DoesNotSay(t.Format(ClosureBot.Localization.TextId.AliasMismatch, "ACME"))
                .Asks(t.Format(ClosureBot.Localization.TextId.TypeAliasToConfirm, "ACME"));
            Assert.Empty(replies.LastButtons);
        }
        Assert.Empty(await app.ClosureRequestsAsync());
        (await chat.Send("ACME")).Says("CLS-");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Confirmation_WrongAliasInTheCard_LogsNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Click(new { action = "confirm-close", step = "request-close", confirmAlias = "ACM" }))
            .Says("That doesn't match ACME, so nothing has been requested.");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Confirmation_ThreeWrongAliases_OffersSupportAndLogsNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        await ann.SendAll("yes", "ok");
        (await ann.Send("confirm")).Says("I'm having trouble understanding").Asks(Script.Question(OffboardingSteps.RequestClose));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task TermCommitment_YesWhenTheRecordDoesNotKnow_SendsToSalesAndLogsNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        await ann.SendAll("I want to close my account", "yes");
        (await ann.Send("ACME")).Says("Cloud term commitment").Asks("Do you have a cloud term commitment?");
        var answer = await ann.Send("yes");

        answer.Says("please contact them and they will execute a terminate service order for you")
            .Says("sales representative").Says("I haven't requested anything").Offers("Talk to support");
        Assert.Empty(await app.ClosureRequestsAsync());
        // The conversation is over: the next message is a new start, not step 1.
        (await ann.Send("done")).Says("Hi, I'm ClosureBot").DoesNotSay("Step 1 of 5");
        (await ann.NewConversation().Send("hi")).DoesNotSay("Welcome back");
    }
}
