using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>"Go back" shows the screen before, in every language; nothing is requested or lost on the way.</summary>
public sealed class GoBackTests
{
    [Theory]
    [InlineData(OffboardingSteps.RetrieveData, "go back", OffboardingSteps.TermCommitment)]
    [InlineData(OffboardingSteps.DeleteServers, "can we go back a step?", OffboardingSteps.RetrieveData)]
    [InlineData(OffboardingSteps.DeleteServices, "previous step", OffboardingSteps.DeleteServers)]
    [InlineData(OffboardingSteps.RequestClose, "oops, go back", OffboardingSteps.DeleteServices)]
    // After owning up to a slip: these were asked the step's question again.
    [InlineData(OffboardingSteps.DeleteServers, "oops, wrong answer, go back", OffboardingSteps.RetrieveData)]
    [InlineData(OffboardingSteps.DeleteServers, "my bad, go back", OffboardingSteps.RetrieveData)]
    public async Task GoBack_AtAStep_ShowsTheStepBefore(string screen, string words, string before)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        (await ann.Send(words)).Asks(Script.Question(before));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task GoBack_AtAFollowUpQuestion_ShowsItsStepAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        (await ann.Send("done")).Says("servers remain");

        (await ann.Send("go back")).Says("Step 2 of 5").Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Fact]
    public async Task GoBack_AtTheTermCommitment_AsksForTheAccountAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send("go back")).Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("ACME")).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Theory]
    [InlineData("start over")]
    [InlineData("let's start again")]
    [InlineData("can we start from the beginning?")]
    [InlineData("restart the whole process please")]
    public async Task StartOver_AtAStep_BeginsAgainAtTheOverview(string words)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send(words)).Says("sorry to see you go").DoesNotSay("servers remain").Asks(Script.Question(OffboardingSteps.Overview));
        // Everything is asked afresh: the account too.
        (await ann.Send("yes")).Asks(Script.Question(OffboardingSteps.Account));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Theory]
    [InlineData("de-DE", "nochmal von vorne")]
    [InlineData("es-ES", "empezar de nuevo")]
    [InlineData("fr-FR", "on recommence")]
    [InlineData("pt-BR", "começar de novo")]
    public async Task StartOver_InTheCustomersLanguage(string locale, string words)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServices)) await chat.Send(answer);

        var replies = await chat.Send(words);

        Assert.Equal(OffboardingSteps.Overview, (string?)replies.SubmitData.LastOrDefault()?["step"]);
    }

    [Fact]
    public async Task StartOver_TypedAtTheResumeOffer_StartsOverInsteadOfResuming()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("remind me later");
        var later = ann.NewConversation();
        (await later.Join()).Offers("Yes, resume", "No, start over");

        (await later.Send("start over")).Says("let's start from the beginning").DoesNotSay("Step 2 of 5");
    }

    [Fact]
    public async Task StartTheClosure_WhileOneIsUnderWay_SaysWhereItStands()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send("I want to close my account")).Says("We're already on it").Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Fact]
    public async Task GoBack_PastAQuestionThatSkipsItself_ReachesTheScreenBefore()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        // EMPTY is on record with no term commitment: that question is never asked, so back from step 1 is the account.
        await ann.SendAll("close my account", "yes");
        (await ann.Send("EMPTY")).Says("Step 1 of 5");

        var back = await ann.Send("go back");

        back.Asks(Script.Question(OffboardingSteps.Account)).DoesNotSay("Step 1 of 5");
        (await ann.Send("ACME")).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task GoBack_AtTheOverview_SaysItIsTheBeginning()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        (await ann.Send("go back")).Says("the beginning").Asks(Script.Question(OffboardingSteps.Overview));
    }

    [Fact]
    public async Task GoBack_AndOnAgain_TheRequestIsLoggedOnce()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));
        await ann.Send("go back");

        await ann.SendAll("done", "yes");
        (await ann.Send("ACME")).Says("is logged");
        Assert.Single(await app.ClosureRequestsAsync());
    }

    [Theory]
    [InlineData("de-DE", "zurück", "Haben Sie eine Cloud-Laufzeitbindung?")]
    [InlineData("es-ES", "volver atrás", "¿Tiene un compromiso de permanencia en la nube?")]
    [InlineData("fr-FR", "revenir en arrière", "engagement")]
    [InlineData("pt-BR", "voltar", "compromisso de prazo")]
    [InlineData("de-DE", "Hoppla, falsche Antwort, zurück", "Haben Sie eine Cloud-Laufzeitbindung?")]
    [InlineData("es-ES", "me equivoqué, volver", "¿Tiene un compromiso de permanencia en la nube?")]
    [InlineData("fr-FR", "je me suis trompé, retour", "engagement")]
    [InlineData("pt-BR", "errei, voltar", "compromisso de prazo")]
    public async Task GoBack_InTheCustomersLanguage(string locale, string words, string question)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        foreach (var answer in Script.To(OffboardingSteps.RetrieveData)) await chat.Send(answer);

        var replies = await chat.Send(words);

        Assert.Contains(question, replies.Texts[^1]);
    }
}
