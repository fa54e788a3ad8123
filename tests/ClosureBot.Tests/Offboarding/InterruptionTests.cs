using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>Help, cancel, support and status work the same at every screen, and never lose the customer's place.</summary>
public class InterruptionTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    private static readonly Locales Tables = Locales.Load();

    public static TheoryData<string> Screens => Script.Screens();

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Cancel_ConfirmedWithYes_StopsAndLogsNothing(string screen)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        (await ann.Send("cancel")).Asks("Do you want to stop closing your account? Nothing will be requested.").Offers("Yes", "No");
        (await ann.Send("yes")).Says("I've stopped. Nothing has been requested and your account is unchanged.");

        // Abandoned: nothing logged, and nothing kept to resume.
        (await ann.Send(Script.Next(screen))).Says("Hi, I'm ClosureBot").DoesNotSay(Script.Question(screen));
        (await ann.NewConversation().Send("hello")).Says("Hi, I'm ClosureBot").DoesNotSay("Welcome back");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Cancel_AnsweredNo_CarriesOnAtTheSameQuestion(string screen)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        await ann.Send("stop");
        (await ann.Send("no")).Says("Good, let's carry on.").Asks(Script.Question(screen));

        var rest = Script.HappyPath[Script.To(screen).Length..];
        (await ann.SendAll(rest)).Says("Your closure request for ACME is logged.");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Cancel_AnswerNotUnderstood_AsksAgainAndKeepsThePlace()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        await ann.Send("cancel");
        (await ann.Send("hmm")).Asks("Please answer yes to stop, or no to carry on.");
        (await ann.Send("no")).Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Fact]
    public async Task Cancel_CardButtonAtStep4_AsksToConfirm()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        (await ann.Click(new { action = "cancel", step = "request-close" })).Asks("Do you want to stop closing your account?");
        (await ann.Click(new { action = "yes" })).Says("Nothing has been requested");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Theory]
    [InlineData(OffboardingSteps.Overview, "Nothing is requested until you confirm at step 4.")]
    [InlineData(OffboardingSteps.Account, "Your account alias is the short code that identifies your account")]
    [InlineData(OffboardingSteps.TermCommitment, "your sales representative closes the account with a terminate service order")]
    [InlineData(OffboardingSteps.RetrieveData, "request a paid Service Task at https://www.ctl.io/service-tasks/")]
    [InlineData(OffboardingSteps.DeleteServers, "Delete your running, stopped, paused and archived servers")]
    [InlineData(OffboardingSteps.DeleteServices, "Remove virtual networks, public IP addresses, site-to-site VPNs")]
    [InlineData(OffboardingSteps.RequestClose, "Typing your account alias to confirm sends the closure request straight away, and it cannot be undone")]
    public async Task Help_AtEachScreen_ExplainsThatStepAndAsksAgain(string screen, string explanation)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        (await ann.Send("help")).Says(explanation).Asks(Script.Question(screen));

        (await ann.Send(Script.Next(screen))).DoesNotSay(explanation).DoesNotSay(Script.Question(screen));
    }

    [Fact]
    public async Task Help_NeedHelpButtonAtStep1_ExplainsAndStaysAtStep1()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Click(new { action = "help", step = "retrieve-data" }))
            .Says("Log in to each server and copy what you want to keep").Asks(Script.Question(OffboardingSteps.RetrieveData));
        (await ann.Send("done")).Says("Step 2 of 5");
    }

    [Fact]
    public async Task Status_AtStep2_ShowsProgressAndAsksAgain()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        var status = await ann.Send("where was I?");

        status.Says("You're at Step 2 of 5 — Delete running, stopped and archived servers.")
            .Says("Closing account ACME").Says("Step 1: Retrieve your data").Says("Still on the account");
        Assert.Equal("6", status.Fact("Servers"));
        Assert.Equal("2", status.Fact("Virtual networks"));
        status.Asks(Script.Question(OffboardingSteps.DeleteServers));
        (await ann.Send("done")).Asks("6 servers remain");
    }

    [Fact]
    public async Task Status_BeforeTheAccountIsChosen_SaysSo()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        (await ann.Send("status")).Says("You're at choosing the account.").Says("Closing account not chosen yet")
            .Asks(Script.Question(OffboardingSteps.Account));
    }

    // "status" before anything had started got the welcome card alone, as if the question had not been heard.
    [Theory]
    [InlineData("en-US", "status", "yes")]
    [InlineData("en-US", "is my account closed yet?", "yes")]
    [InlineData("de-DE", "Wie ist der Stand?", "ja")]
    [InlineData("es-ES", "¿en qué paso estoy?", "sí")]
    [InlineData("fr-FR", "où en suis-je ?", "oui")]
    [InlineData("pt-BR", "onde estou?", "sim")]
    public async Task Status_BeforeAnyClosure_SaysNoneIsUnderWayAndWelcomes(string locale, string question, string yes)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);

        (await chat.Send(question)).Says(t[TextId.NothingUnderWay]).DoesNotSay(t[TextId.AskAlias]);
        // The welcome's question is the one waiting: its yes starts the closure.
        (await chat.Send(yes)).Asks(t[TextId.ShallWeStart]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // Asked in other words, "how far did I get?" and "où j'en étais ?" got "I don't know the answer to that one".
    [Theory]
    [InlineData("en-US", "how far did I get?")]
    [InlineData("en-US", "what did I do so far?")]
    [InlineData("de-DE", "wie weit bin ich gekommen?")]
    [InlineData("de-DE", "was habe ich schon erledigt?")]
    [InlineData("es-ES", "¿hasta dónde llegué?")]
    [InlineData("es-ES", "¿qué he hecho hasta ahora?")]
    [InlineData("fr-FR", "où j'en étais ?")]
    [InlineData("fr-FR", "qu'est-ce que j'ai déjà fait ?")]
    [InlineData("pt-BR", "até onde eu cheguei?")]
    [InlineData("pt-BR", "o que eu já fiz?")]
    // How many are left: once "I don't know the answer to that one" (the progress card counts what remains).
    [InlineData("en-US", "how many are left?")]
    [InlineData("en-US", "how many servers are still left?")]
    [InlineData("en-US", "how many remain?")]
    [InlineData("de-DE", "wie viele sind noch übrig?")]
    [InlineData("de-DE", "wie viele fehlen noch?")]
    [InlineData("es-ES", "¿cuántos quedan?")]
    [InlineData("es-ES", "¿cuántos servidores faltan?")]
    [InlineData("fr-FR", "combien il en reste ?")]
    [InlineData("fr-FR", "il en reste combien ?")]
    [InlineData("pt-BR", "quantos faltam?")]
    [InlineData("pt-BR", "quantos ainda restam?")]
    [InlineData("en-US", "how many are still there?")]
    [InlineData("en-US", "how many to go?")]
    [InlineData("de-DE", "wie viele sind es noch?")]
    [InlineData("de-DE", "wie viele gibt es noch?")]
    [InlineData("es-ES", "¿cuántos hay todavía?")]
    [InlineData("fr-FR", "combien y en a-t-il encore ?")]
    [InlineData("fr-FR", "combien il y a encore ?")]
    [InlineData("pt-BR", "quantos ainda tem?")]
    public async Task Status_InOtherWords_AtAStep_SaysWhereTheCustomerIs(string locale, string question)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServers)) await chat.Send(answer);

        var replies = await chat.Send(question);

        replies.Says(t.Format(TextId.YouAreAt, OffboardingSteps.Describe(t, OffboardingSteps.DeleteServers))).DoesNotSay(t.Format(TextId.KbUnknown, "help@ctl.io"))
            .Asks(t[TextId.ServersInstruction]);
    }

    [Fact]
    public async Task StartAgain_MidWay_SaysWeAreAlreadyOnIt()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));

        (await ann.Send("I want to close my account"))
            .Says("We're already on it — we're at Step 3 of 5").Asks(Script.Question(OffboardingSteps.DeleteServices));
    }
}
