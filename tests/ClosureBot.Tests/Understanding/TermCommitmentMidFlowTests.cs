using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// A cloud term commitment named after its question was answered ("we're on a 3-year contract" at step 2) is the
/// article's exception: the account is closed by the sales representative, not here. The bot asks the term commitment
/// again, with the later answers forgotten, so a yes sends the customer to sales before anything is requested. It once
/// went unheard: the step's question was asked again ("wir haben einen Vertrag bis 2027" at step 1), or, for
/// "I have a contract until next year", step 2 took it for a Done.
/// </summary>
public sealed class TermCommitmentMidFlowTests
{
    [Theory]
    [InlineData("en-US", OffboardingSteps.RetrieveData, "we're on a 3 year contract")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "I have a contract until next year")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "actually we do have a term commitment")]
    [InlineData("en-US", OffboardingSteps.RequestClose, "our contract runs until 2027")]
    [InlineData("de-DE", OffboardingSteps.RetrieveData, "wir haben einen Vertrag bis 2027")]
    [InlineData("es-ES", OffboardingSteps.DeleteServers, "tenemos un contrato de permanencia")]
    [InlineData("fr-FR", OffboardingSteps.RetrieveData, "nous avons un contrat jusqu'en 2027")]
    [InlineData("pt-BR", OffboardingSteps.DeleteServers, "temos um contrato até 2027")]
    public async Task NamedLater_AsksTheTermCommitmentAgain_AndAYesGoesToSales(string locale, string screen, string statement)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var chat = new LocalizedChat(ann, locale);
        await chat.WalkTo(screen);

        var replies = await chat.Send(statement);

        replies.Says(Mentioned[locale]).DoesNotSay("help@ctl.io");
        (await chat.Send("yes")).Says(Sales[locale]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task NamedLater_AndThenNo_GoesOnFromStepOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send("we're on a 3 year contract")).Says("You mentioned a contract").Asks(Script.Question(OffboardingSteps.TermCommitment));
        (await ann.Send("no")).Says("Step 1 of 5");
    }

    // Denying one, or naming one before or at its question, is read as it always was.
    [Theory]
    [InlineData("en-US", OffboardingSteps.RetrieveData, "we don't have a contract")]
    [InlineData("en-US", OffboardingSteps.RetrieveData, "we do not have a term commitment")]
    [InlineData("de-DE", OffboardingSteps.RetrieveData, "wir haben keinen Vertrag")]
    [InlineData("es-ES", OffboardingSteps.RetrieveData, "no tenemos contrato")]
    [InlineData("fr-FR", OffboardingSteps.RetrieveData, "nous n'avons pas de contrat")]
    [InlineData("pt-BR", OffboardingSteps.RetrieveData, "não temos contrato")]
    public async Task Denied_IsNoInterruption(string locale, string screen, string statement)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var chat = new LocalizedChat(ann, locale);
        await chat.WalkTo(screen);

        (await chat.Send(statement)).DoesNotSay(Mentioned[locale]);
    }

    [Fact]
    public async Task AtItsQuestion_IsTheAnswer()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send("we have a contract until 2027")).DoesNotSay("You mentioned a contract").Says("sales representative");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    private static readonly Dictionary<string, string> Mentioned = new()
    {
        ["en-US"] = "You mentioned a contract",
        ["de-DE"] = "Sie haben einen Vertrag erwähnt",
        ["es-ES"] = "Ha mencionado un contrato",
        ["fr-FR"] = "Vous avez mentionné un contrat",
        ["pt-BR"] = "Você mencionou um contrato",
    };

    // The answer to a yes at the term commitment.
    private static readonly Dictionary<string, string> Sales = new()
    {
        ["en-US"] = "Thanks for telling me",
        ["de-DE"] = "Vertriebs",
        ["es-ES"] = "representante de ventas",
        ["fr-FR"] = "représentant commercial",
        ["pt-BR"] = "representante de vendas",
    };
}
