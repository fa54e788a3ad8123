using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>What a returning customer can say to the offer to pick up where they left off.</summary>
public class ResumeOfferTests
{
    private static readonly Locales Tables = Locales.Load();

    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task ResumeOffer_CancelConfirmed_StopsAndForgetsTheSavedPlace()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        (await later.Send("cancel")).Asks("Do you want to stop closing your account?").DoesNotSay("Welcome back");
        (await later.Send("yes")).Says("I've stopped. Nothing has been requested");

        (await later.NewConversation().Send("hello")).Says("Hi, I'm ClosureBot").DoesNotSay("Welcome back");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task ResumeOffer_CancelThenNo_AsksAgainAndResumes()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        await later.Send("cancel");
        (await later.Send("no")).Says("Good, let's carry on.").Asks("Shall we pick up where you left off?");
        (await later.Send("yes")).Says("Here we are again, at Step 2 of 5");
        (await later.Send("done")).Asks("6 servers remain");
    }

    [Fact]
    public async Task ResumeOffer_RemindMeLater_KeepsThePlaceForNextTime()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        (await later.Send("not now")).Says("I've saved your place at Step 2 of 5").DoesNotSay("Shall we pick up");

        var again = later.NewConversation();
        (await again.Join()).Says("Welcome back").Says("had reached Step 2 of 5");
        (await again.Send("yes")).Says("Here we are again, at Step 2 of 5");
    }

    // The offer answered in its own words ("continue", "resume", "weitermachen", "retomar") once got "Please answer yes,
    // or no to start from the beginning". They are its yes, in the customer's language and in English.
    [Theory]
    [InlineData("en-US", "continue")]
    [InlineData("en-US", "let's continue")]
    [InlineData("en-US", "resume")]
    [InlineData("en-US", "pick up where I left off")]
    [InlineData("de-DE", "weitermachen")]
    [InlineData("de-DE", "fortsetzen")]
    [InlineData("es-ES", "continuar")]
    [InlineData("es-ES", "retomar")]
    [InlineData("fr-FR", "reprendre")]
    [InlineData("fr-FR", "on continue")]
    [InlineData("pt-BR", "retomar")]
    [InlineData("pt-BR", "vamos continuar")]
    [InlineData("de-DE", "continue")]
    public async Task ResumeOffer_AnsweredInItsOwnWords_Resumes(string locale, string answer)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var t = Tables.For(locale);
        var chat = await ReturningCustomerAsync(app, locale);

        (await chat.Send(answer)).Says(t.Format(TextId.ResumedAt, OffboardingSteps.Describe(t, OffboardingSteps.DeleteServers)))
            .Asks(t[TextId.ServersInstruction]);
    }

    // Negated, the same words are no yes: "don't continue" starts from the beginning, as the offer's no does.
    [Theory]
    [InlineData("en-US", "don't continue")]
    [InlineData("de-DE", "nicht weitermachen")]
    public async Task ResumeOffer_ItsOwnWordsNegated_DoNotResume(string locale, string answer)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var t = Tables.For(locale);
        var chat = await ReturningCustomerAsync(app, locale);

        (await chat.Send(answer)).Says(t[TextId.StartOver]).DoesNotSay(t.Format(TextId.ResumedAt, OffboardingSteps.Describe(t, OffboardingSteps.DeleteServers)));
    }

    // "From scratch" alone is a start from the beginning, like "start over".
    [Fact]
    public async Task ResumeOffer_FromScratch_StartsOver()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        (await later.Send("from scratch")).Says("let's start from the beginning").Says("We're sorry to see you go");
    }

    [Fact]
    public async Task ResumeOffer_NotUnderstood_AsksYesOrNo()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await ReturningCustomerAsync(app);

        (await later.Send("banana")).Asks("Shall we pick up where you left off? Please answer yes, or no to start from the beginning.");
    }

    // A returning customer who named another account ("close EMPTY") was offered ACME's saved place without a word about
    // EMPTY, and the offer's "no" started from the beginning with no account: the one they had named was forgotten.
    [Fact]
    public async Task ResumeOffer_AnotherAccountNamed_SaysSoAndItsNoClosesThatAccount()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await SavedAtStepTwoAsync(app);

        (await later.Send("close EMPTY")).Says("Welcome back")
            .Asks("Shall we pick up where you left off with ACME? Answer no to close EMPTY instead.");
        (await later.Send("banana")).Asks("Shall we pick up ACME where you left off? Please answer yes, or no to close EMPTY instead.");
        (await later.Send("no")).Says("All right, let's close EMPTY instead.").Asks("Shall we start?");
        // EMPTY has no term commitment on record: its closure goes straight to step 1.
        (await later.Send("yes")).Says("there are no servers on EMPTY").DoesNotSay("Which account")
            .Asks(Script.Question(OffboardingSteps.RetrieveData));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // Naming the saved account itself asks the usual question; its "no" starts that account's closure afresh.
    [Fact]
    public async Task ResumeOffer_SavedAccountNamed_AsksAsUsualAndItsNoStartsThatAccountAfresh()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await SavedAtStepTwoAsync(app);

        (await later.Send("close ACME")).Says("Welcome back").Asks("Shall we pick up where you left off?").DoesNotSay("instead");
        (await later.Send("no")).Says("All right, let's start from the beginning.").Asks("Shall we start?");
        (await later.Send("yes")).Says("Acme Corporation (ACME)").DoesNotSay("Which account").Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    // After the other account's closure begins, the saved place is the new one: ACME's is no longer offered.
    [Fact]
    public async Task ResumeOffer_AnotherAccountStarted_IsWhatANewConversationOffers()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var later = await SavedAtStepTwoAsync(app);
        await later.SendAll("close EMPTY", "no", "yes");
        await later.Send("remind me later");

        (await later.NewConversation().Send("hello")).Says("Welcome back").Says("EMPTY").DoesNotSay("ACME");
    }

    private static async Task<ConversationClient> SavedAtStepTwoAsync(BotApplicationFactory app)
    {
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        return ann.NewConversation();
    }

    // The same in the customer's language: the offer is made in it.
    private static async Task<ClosureBot.Tests.Localization.LocalizedChat> ReturningCustomerAsync(BotApplicationFactory app, string locale)
    {
        var ann = app.WebChat();
        var first = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServers)) await first.Send(answer);
        await first.Send("remind me later");
        var later = new ClosureBot.Tests.Localization.LocalizedChat(ann.NewConversation(), locale);
        (await later.Send("hello")).Asks(Tables.For(locale)[TextId.ResumeQuestion]);
        return later;
    }

    private static async Task<ConversationClient> ReturningCustomerAsync(BotApplicationFactory app)
    {
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        var later = ann.NewConversation();
        (await later.Send("hello")).Says("Welcome back").Asks("Shall we pick up where you left off?");
        return later;
    }
}
