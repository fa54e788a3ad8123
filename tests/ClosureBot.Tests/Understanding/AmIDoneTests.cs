using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// "Am I done?", "is that all?" and a bare "done?" ask where the customer stands, in every language. Mid-flow they got
/// "I don't know the answer to that one" in Spanish, French and Portuguese, and a bare "done?" or "is that all?" got it
/// in all five; after the closure the same. Without the question mark, "terminé", "c'est fini" or "fertig" still say
/// the step is done.
/// </summary>
public sealed class AmIDoneTests
{
    public static TheoryData<string, string> Questions => new()
    {
        { "en-US", "done?" },
        { "en-US", "all done?" },
        { "en-US", "is that all?" },
        { "en-US", "is that everything?" },
        { "en-US", "anything else?" },
        { "de-DE", "fertig?" },
        { "de-DE", "war's das?" },
        { "de-DE", "ist das alles?" },
        { "de-DE", "sonst noch was?" },
        { "es-ES", "¿ya terminé?" },
        { "es-ES", "¿he terminado?" },
        { "es-ES", "¿listo?" },
        { "es-ES", "¿eso es todo?" },
        { "es-ES", "¿algo más?" },
        { "fr-FR", "j'ai fini ?" },
        { "fr-FR", "c'est fini ?" },
        { "fr-FR", "c'est tout ?" },
        { "fr-FR", "autre chose ?" },
        { "pt-BR", "terminei?" },
        { "pt-BR", "já acabei?" },
        { "pt-BR", "pronto?" },
        { "pt-BR", "é só isso?" },
        { "pt-BR", "mais alguma coisa?" },
    };

    // What each language says after the closure: nothing else is needed.
    private static readonly Dictionary<string, string> Outcome = new()
    {
        ["en-US"] = "Nothing else is needed from you",
        ["de-DE"] = "Von Ihnen ist nichts weiter nötig",
        ["es-ES"] = "No necesita hacer nada más",
        ["fr-FR"] = "Vous n'avez rien d'autre à faire",
        ["pt-BR"] = "Você não precisa fazer mais nada",
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task MidFlow_SaysWhereTheCustomerIs(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        var chat = new LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        // Where the customer stands, not the answer to an unknown question (which names support's address).
        replies.Says(StepFragments.StepTwo[locale]).DoesNotSay("help@ctl.io");
        Assert.Empty(await app.ClosureRequestsAsync());
        // Still at step 2: the question moved nothing on.
        (await chat.Send(question)).Says(StepFragments.StepTwo[locale]);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task AfterClosure_RepeatsTheOutcome(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference")!;
        var chat = new LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        replies.Says(reference).Says(Outcome[locale]).DoesNotSay("help@ctl.io");
        Assert.Empty(replies.Cards);
        Assert.Single(await app.ClosureRequestsAsync());
    }

    // The same words as a statement, at step 1, still finish the step (the question mark makes them a question).
    [Theory]
    [InlineData("en-US", "done")]
    [InlineData("en-US", "all done")]
    [InlineData("de-DE", "fertig")]
    [InlineData("es-ES", "ya terminé")]
    [InlineData("es-ES", "listo")]
    [InlineData("fr-FR", "j'ai fini")]
    [InlineData("fr-FR", "c'est fini")]
    [InlineData("pt-BR", "terminei")]
    [InlineData("pt-BR", "pronto")]
    public async Task WithoutAQuestionMark_TheStepIsDone(string locale, string statement)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var chat = new LocalizedChat(ann, locale);

        (await chat.Send(statement)).Says(StepFragments.StepTwo[locale]).DoesNotSay("help@ctl.io");
    }
}
