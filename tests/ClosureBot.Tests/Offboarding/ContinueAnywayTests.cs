using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>
/// "6 servers remain … Continue anyway?" answered in the question's own words ("continue anyway", "trotzdem weiter")
/// or an everyday way of going on ("carry on", "sigamos") goes on, as yes does. Each was once asked again with "Please
/// answer yes or no".
/// </summary>
public sealed class ContinueAnywayTests
{
    private static readonly Locales Tables = Locales.Load();

    [Theory]
    [InlineData("en-US", "continue anyway")]
    [InlineData("en-US", "carry on")]
    [InlineData("en-US", "let's continue")]
    [InlineData("en-US", "keep going")]
    [InlineData("de-DE", "trotzdem weiter")]
    [InlineData("de-DE", "trotzdem fortfahren")]
    [InlineData("es-ES", "continuar de todos modos")]
    [InlineData("es-ES", "sigamos")]
    [InlineData("fr-FR", "continuer quand même")]
    [InlineData("fr-FR", "on continue")]
    [InlineData("pt-BR", "continuar mesmo assim")]
    [InlineData("pt-BR", "seguir em frente")]
    // English words are understood whatever the locale, as the buttons' English titles are.
    [InlineData("de-DE", "continue anyway")]
    public async Task ServersRemain_TheQuestionsOwnWords_GoOnToStep3(string locale, string words)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServers)) await chat.Send(answer);
        (await chat.Send(t[TextId.Done])).Asks(t.Plural(TextId.ServersRemain, 6));

        var replies = await chat.Send(words);

        replies.Asks(t[TextId.ServicesInstruction]).DoesNotSay(t[TextId.ServersWarnRetry]);
        Assert.Single(replies.Cards);
    }

    [Theory]
    [InlineData("en-US", "continue anyway")]
    [InlineData("de-DE", "weiter")]
    public async Task ServicesRemain_TheQuestionsOwnWords_GoOnToTheConfirmation(string locale, string words)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServices)) await chat.Send(answer);
        (await chat.Send(t[TextId.Done])).Asks(t.Plural(TextId.ServicesRemain, 7));

        (await chat.Send(words)).Says("ACME").Asks(t.Format(TextId.TypeAliasToConfirm, "ACME")).DoesNotSay(t[TextId.ServicesWarnRetry]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // Negated, the same words are a no: back to the step with its card.
    [Theory]
    [InlineData("en-US", "don't continue")]
    [InlineData("de-DE", "nicht weiter")]
    [InlineData("es-ES", "no continuar")]
    [InlineData("fr-FR", "ne pas continuer")]
    [InlineData("pt-BR", "não continuar")]
    public async Task ServersRemain_TheWordsNegated_GoBackToTheStep(string locale, string words)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServers)) await chat.Send(answer);
        await chat.Send(t[TextId.Done]);

        (await chat.Send(words)).Asks(t[TextId.ServersInstruction]).DoesNotSay(t[TextId.ServicesInstruction]);
    }
}
