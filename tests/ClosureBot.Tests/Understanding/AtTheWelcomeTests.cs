using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// The welcome asks whether to start or talk to support: a plain answer to that question is read as one, instead of the
/// welcome being shown again.
/// </summary>
public sealed class AtTheWelcomeTests
{
    private static readonly ClosureBot.Localization.Locales Tables = ClosureBot.Localization.Locales.Load();

    [Theory]
    [InlineData("ok let's do it")]
    [InlineData("yes please")]
    [InlineData("sure, go ahead")]
    public async Task Yes_ToTheWelcome_StartsTheClosure(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        (await ann.Join()).Offers("Start account closure", "Talk to support");

        (await ann.Send(answer)).Says("sorry to see you go").DoesNotSay("Hi, I'm ClosureBot").Asks(Script.Question(OffboardingSteps.Overview));
    }

    // "cancel my subscription" once got the welcome card again: a cloud customer's subscription is their account.
    [Theory]
    [InlineData("I need to cancel my subscription")]
    [InlineData("please end our subscription")]
    [InlineData("I want to cancel my cloud subscription")]
    public async Task SubscriptionCancelled_BeforeAnyClosure_StartsOne(string text)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send(text)).Says("sorry to see you go").DoesNotSay("Hi, I'm ClosureBot").Asks(Script.Question(OffboardingSteps.Overview));
    }

    [Theory]
    [InlineData("de-DE", "Ich möchte mein Abo kündigen")]
    [InlineData("es-ES", "quiero cancelar mi suscripción")]
    [InlineData("fr-FR", "je veux résilier mon abonnement")]
    [InlineData("pt-BR", "quero cancelar minha assinatura")]
    public async Task SubscriptionCancelled_InTheCustomersLanguage_StartsOne(string locale, string text)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);

        (await chat.Send(text)).Asks(Tables.For(locale)[ClosureBot.Localization.TextId.ShallWeStart]);
    }

    // Deactivating the account, not needing it any more, getting rid of it: once the welcome card again, one choice
    // short of the overview, which says closing cannot be undone before anything happens.
    [Theory]
    [InlineData("en-US", "I'd like to deactivate my account")]
    [InlineData("en-US", "I no longer need the account")]
    [InlineData("en-US", "we don't use our account anymore")]
    [InlineData("en-US", "get rid of my account")]
    [InlineData("de-DE", "ich möchte mein Konto deaktivieren")]
    [InlineData("de-DE", "ich brauche das Konto nicht mehr")]
    [InlineData("de-DE", "ich will das Konto loswerden")]
    [InlineData("es-ES", "quiero desactivar mi cuenta")]
    [InlineData("es-ES", "ya no necesito la cuenta")]
    [InlineData("es-ES", "quiero deshacerme de mi cuenta")]
    [InlineData("fr-FR", "je veux désactiver mon compte")]
    [InlineData("fr-FR", "je n'ai plus besoin du compte")]
    [InlineData("fr-FR", "je veux me débarrasser de mon compte")]
    [InlineData("pt-BR", "quero desativar minha conta")]
    [InlineData("pt-BR", "não preciso mais da conta")]
    [InlineData("pt-BR", "quero me livrar da conta")]
    public async Task OtherWordsForClosing_InTheCustomersLanguage_StartOne(string locale, string text)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);

        (await chat.Send(text)).Says(t[ClosureBot.Localization.TextId.ShallWeStart]).Asks(t[ClosureBot.Localization.TextId.ShallWeStart]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // Not wanting the account closed once started a closure at the welcome ("Shall we start?"), and mid-flow was read as
    // asking to close it again. It is the wish to stop: mid-flow the bot asks whether to stop closing.
    [Theory]
    [InlineData("en-US", "I don't want my account closed")]
    [InlineData("de-DE", "ich möchte mein Konto nicht schließen")]
    [InlineData("de-DE", "ich will nicht, dass mein Konto gelöscht wird")]
    [InlineData("es-ES", "no quiero que cierren mi cuenta")]
    [InlineData("fr-FR", "je ne veux pas fermer mon compte")]
    [InlineData("fr-FR", "je ne veux pas que mon compte soit fermé")]
    [InlineData("pt-BR", "não quero encerrar minha conta")]
    [InlineData("pt-BR", "não quero que minha conta seja encerrada")]
    public async Task NotWantingTheAccountClosed_StartsNoneAndMidFlowAsksToStop(string locale, string text)
    {
        await using var app = new BotApplicationFactory();
        var t = Tables.For(locale);
        var idle = new LocalizedChat(app.WebChat(), locale);
        (await idle.Send(text)).DoesNotSay(t[ClosureBot.Localization.TextId.ShallWeStart]);

        var midway = new LocalizedChat(app.WebChat(), locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServers)) await midway.Send(answer);
        (await midway.Send(text)).Asks(t[ClosureBot.Localization.TextId.ConfirmCancel]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // An account number not needed is no wish to close the account.
    [Fact]
    public async Task AccountNumberNotNeeded_BeforeAnyClosure_StartsNone()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send("I don't need the account number")).DoesNotSay("sorry to see you go");
    }

    // Mid-way it asks for the closure already under way, not to stop it.
    [Fact]
    public async Task SubscriptionCancelled_MidWay_CarriesOn()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send("I want to cancel my subscription")).Says("We're already on it").DoesNotSay("Do you want to stop")
            .Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("no thanks, not now")]
    public async Task No_ToTheWelcome_LeavesTheDoorOpenWithoutRepeatingIt(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Join();

        var replies = await ann.Send(answer);

        replies.Says("close my account").DoesNotSay("Hi, I'm ClosureBot").DoesNotSay("sorry to see you go");
        Assert.Empty(replies.Cards);
        // The door stays open: asking later starts the closure.
        (await ann.Send("I want to close my account")).Asks(Script.Question(OffboardingSteps.Overview));
    }

    [Fact]
    public async Task Yes_WithoutAWelcomeShown_IsNotTakenAsConsent()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        // The first thing in the conversation: nothing was asked, so "yes" is answered with the welcome, not a closure.
        (await ann.Send("yes")).Says("Hi, I'm ClosureBot").DoesNotSay("sorry to see you go");
    }

    [Fact]
    public async Task Yes_AfterAClosureEnded_DoesNotStartAnother()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Join();
        await ann.SendAll("close my account", "yes", "ACME", "yes");   // a term commitment: the flow ends with sales

        (await ann.Send("yes")).DoesNotSay("sorry to see you go");
    }

    [Theory]
    [InlineData("de-DE", "ja, gerne", "Schade, dass Sie gehen")]
    [InlineData("es-ES", "vale, empecemos", "Lamentamos que se vaya")]
    public async Task Yes_ToTheWelcome_InTheCustomersLanguage(string locale, string answer, string overview)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        await chat.Client.Join();

        (await chat.Send(answer)).Says(overview);
    }
}
