using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// At "Shall we start?", a customer who names their account has answered two questions at once: the closure starts with
/// that account, checked as the account question checks it.
/// </summary>
public sealed class AccountAtTheOverviewTests
{
    private static readonly Locales Tables = Locales.Load();

    [Theory]
    [InlineData("ACME")]
    [InlineData("acme.")]
    [InlineData("it's for Acme Corporation")]
    public async Task AccountNamed_AtTheOverview_StartsWithThatAccount(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        (await ann.Send(answer)).Says("ACME").DoesNotSay("Which account").Asks(Script.Question(OffboardingSteps.TermCommitment));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task UnknownWord_AtTheOverview_IsStillAskedYesOrNo()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        (await ann.Send("banana")).Says("Shall we start?").DoesNotSay("Which account").DoesNotSay("banana");
    }

    [Fact]
    public async Task AliasThatDoesNotExist_AtTheOverview_IsNotTakenAsAnAccount()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        // Not an account anyone has: the question stays yes or no, and no account is named back.
        (await ann.Send("ZZQX")).Says("Shall we start?").DoesNotSay("ZZQX");
    }

    // Before any closure, a message that names one of the customer's accounts asks to close it even without the word
    // "account": it once got the welcome, which asks the customer to start all over.
    [Theory]
    [InlineData("en-US", "close ACME", "yes")]
    [InlineData("en-US", "I want to close acme", "yes")]
    [InlineData("en-US", "please shut down ACME", "yes")]
    [InlineData("en-US", "can you terminate ACME?", "yes")]
    [InlineData("en-US", "ACME", "yes")]
    [InlineData("de-DE", "ACME kündigen", "ja")]
    [InlineData("es-ES", "cerrar ACME", "sí")]
    [InlineData("fr-FR", "fermer ACME svp", "oui")]
    [InlineData("pt-BR", "encerrar a ACME", "sim")]
    public async Task AccountNamed_BeforeAnyClosure_StartsOneWithThatAccount(string locale, string opening, string yes)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);

        (await chat.Send(opening)).Asks(t[TextId.ShallWeStart]);
        var next = await chat.Send(yes);

        // The account question is not asked: the next question is ACME's term commitment, on ACME's card.
        next.Says("Acme Corporation (ACME)").Asks(t[TextId.AskTermCommitment])
            .DoesNotSay(t[TextId.AskAlias]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Theory]
    [InlineData("close the chat")]
    [InlineData("ZZQX")]
    [InlineData("close ZZQX")]
    public async Task NoAccountNamed_BeforeAnyClosure_IsWelcomed(string text)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send(text)).Says("Hi, I'm ClosureBot").DoesNotSay("Shall we start?");
    }

    // Where a sign-in is required, a guest names no account: the alias alone proves nothing.
    [Fact]
    public async Task AccountNamedByAGuest_WhereASignInIsRequired_IsWelcomed()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Identity:RequireVerified"] = "true" });
        var ann = app.WebChat();

        (await ann.Send("close ACME")).Says("Hi, I'm ClosureBot").DoesNotSay("ACME");
    }

    // After ACME's closure was requested, naming ACME again gets how it ended; naming another account closes that one.
    [Fact]
    public async Task AccountNamed_AfterARequestedClosure_StartsOnlyForAnotherAccount()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;

        (await ann.Send("ACME")).Says(reference).DoesNotSay("Shall we start?");
        (await ann.Send("close EMPTY")).Asks("Shall we start?");
        (await ann.Send("yes")).Says("EMPTY").DoesNotSay("Which account");
    }

    // Right after ACME was sent to sales, "ACME" is a late answer to that closure: the welcome, whose yes starts afresh.
    // Another account is a new closure.
    [Fact]
    public async Task AccountNamed_AfterItWasSentToSales_IsWelcomedAndAnotherStarts()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll("I want to close my account", "yes", "ACME", "yes");

        (await ann.Send("ACME")).Says("Hi, I'm ClosureBot").DoesNotSay("Shall we start?");
        (await ann.Send("close EMPTY")).Asks("Shall we start?");
        (await ann.Send("yes")).Says("EMPTY").DoesNotSay("Which account");
    }

    // A cancelled closure keeps no account, so right after one any name is taken for a late answer to it; the welcome's
    // yes, or the closure asked for in words, starts afresh.
    [Fact]
    public async Task AccountNamed_RightAfterACancel_IsWelcomed()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll([.. Script.To(OffboardingSteps.DeleteServers), "cancel", "yes"]);

        (await ann.Send("EMPTY")).Says("Hi, I'm ClosureBot").DoesNotSay("Shall we start?");
        (await ann.Send("close my account EMPTY")).Asks("Shall we start?");
        (await ann.Send("yes")).Says("EMPTY").DoesNotSay("Which account");
    }
}
