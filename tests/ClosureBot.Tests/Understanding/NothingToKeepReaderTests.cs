using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

public sealed class NothingToKeepReaderTests
{
    [Theory]
    [InlineData("en-US", "I don't need any data")]
    [InlineData("en-US", "we don't really need the files")]
    [InlineData("en-US", "nothing worth keeping")]
    [InlineData("en-US", "no data to save")]
    [InlineData("en-US", "not needed")]
    [InlineData("de-DE", "ich brauche die Daten nicht")]
    [InlineData("de-DE", "nichts zu sichern")]
    [InlineData("de-DE", "I don't need any data")]
    [InlineData("es-ES", "no hay nada que guardar")]
    [InlineData("fr-FR", "je n'ai besoin de rien")]
    [InlineData("pt-BR", "nada para salvar")]
    public void Says_NothingToCopy_IsRead(string locale, string text) => Assert.True(NothingToKeepReader.Says(text, locale));

    // A need that is not the data's, a request to keep it, and a "not yet" are not this answer.
    [Theory]
    [InlineData("en-US", "I don't need help")]
    [InlineData("en-US", "I need to keep everything")]
    [InlineData("en-US", "not yet")]
    [InlineData("en-US", "I don't know what to keep")]
    [InlineData("de-DE", "ich brauche noch Zeit")]
    [InlineData("es-ES", "necesito guardar los datos")]
    [InlineData("fr-FR", "pas encore")]
    [InlineData("pt-BR", "preciso dos dados")]
    [InlineData("en-US", "")]
    // Data that matters, or a question whether it does.
    [InlineData("en-US", "I care about the data")]
    [InlineData("en-US", "the data is important")]
    [InlineData("de-DE", "die Daten sind wichtig")]
    [InlineData("es-ES", "los datos son importantes")]
    [InlineData("fr-FR", "les données sont importantes")]
    [InlineData("pt-BR", "os dados são importantes")]
    public void Says_AnythingElse_IsNotRead(string locale, string text) => Assert.False(NothingToKeepReader.Says(text, locale));
}
