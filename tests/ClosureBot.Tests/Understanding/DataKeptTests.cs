using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// At step 1, a customer who says the data is kept, in their own words, has done the step: "já baixei tudo", "j'ai tout
/// téléchargé", "ich habe alles heruntergeladen", "hice la copia de seguridad". English had "downloaded", "saved" and
/// "transferred"; the other languages once asked step 1's question again ("Choose Done when your data is safe …").
/// </summary>
public sealed class DataKeptTests
{
    [Theory]
    [InlineData("es-ES", "ya descargué todo")]
    [InlineData("es-ES", "hice la copia de seguridad")]
    [InlineData("fr-FR", "j'ai tout téléchargé")]
    [InlineData("fr-FR", "j'ai transféré les données")]
    [InlineData("de-DE", "ich habe alles heruntergeladen")]
    [InlineData("de-DE", "alles gespeichert")]
    [InlineData("pt-BR", "já baixei tudo")]
    [InlineData("pt-BR", "já salvei tudo")]
    [InlineData("pt-BR", "já transferi os dados")]
    public async Task AtRetrieveData_DataKeptInTheCustomersWords_GoesOnToStepTwo(string locale, string statement)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        await chat.WalkTo(OffboardingSteps.RetrieveData);

        (await chat.Send(statement)).Says(StepFragments.StepTwo[locale]);
    }
}
