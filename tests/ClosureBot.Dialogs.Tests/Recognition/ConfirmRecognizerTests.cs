using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class ConfirmRecognizerTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("y")]
    [InlineData("yep")]
    [InlineData("yeah")]
    [InlineData("sure")]
    [InlineData("ok")]
    [InlineData("Yes!")]
    [InlineData("yes please")]
    [InlineData("  YES, go ahead.  ")]
    [InlineData("👍")]
    public void Recognize_EnglishYes_ReturnsTrue(string text) =>
        Assert.True(ConfirmRecognizer.Recognize(text, "en-US"));

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("nope")]
    [InlineData("no thanks")]
    [InlineData("not ok")]
    [InlineData("👎")]
    public void Recognize_EnglishNo_ReturnsFalse(string text) =>
        Assert.False(ConfirmRecognizer.Recognize(text, "en-US"));

    [Theory]
    [InlineData("okay")]
    [InlineData("Okay 🙂")]
    [InlineData("of course")]
    [InlineData("alright")]
    [InlineData("absolutely")]
    public void Recognize_ColloquialYesMissingFromDefinitions_ReturnsTrue(string text) =>
        Assert.True(ConfirmRecognizer.Recognize(text, "en"));

    [Theory]
    [InlineData("nah")]
    [InlineData("nah, not today")]
    [InlineData("of course not")]
    [InlineData("absolutely not")]
    [InlineData("not okay")]
    [InlineData("not really")]
    public void Recognize_ColloquialNo_ReturnsFalse(string text) =>
        Assert.False(ConfirmRecognizer.Recognize(text, "en"));

    [Theory]
    [InlineData("es-ES", "sí", true)]
    [InlineData("es-MX", "Sí, por favor", true)]
    [InlineData("es", "por supuesto", true)]
    [InlineData("es-ES", "no", false)]
    [InlineData("fr-FR", "oui", true)]
    [InlineData("fr-CA", "d’accord", true)]
    [InlineData("fr-FR", "non", false)]
    [InlineData("fr-FR", "pas d'accord", false)]
    [InlineData("de-DE", "ja", true)]
    [InlineData("de-AT", "Ja, bitte!", true)]
    [InlineData("de-DE", "nein", false)]
    [InlineData("de-DE", "nicht einverstanden", false)]
    [InlineData("pt-BR", "sim", true)]
    [InlineData("pt-PT", "claro", true)]
    [InlineData("pt-BR", "não", false)]
    [InlineData("pt-BR", "nao", false)]
    [InlineData("it-IT", "sì", true)]
    [InlineData("it-IT", "non va bene", false)]
    [InlineData("nl-NL", "ja hoor", true)]
    [InlineData("nl-NL", "nee", false)]
    public void Recognize_LocaleLanguage_UsesThatLanguagesWords(string locale, string text, bool expected) =>
        Assert.Equal(expected, ConfirmRecognizer.Recognize(text, locale));

    [Fact]
    public void Recognize_DecomposedAccent_MatchesLikePrecomposed() =>
        Assert.False(ConfirmRecognizer.Recognize("na\u0303o", "pt-BR"));

    [Theory]
    [InlineData("de-DE", "yes")]
    [InlineData("es-ES", "okay")]
    [InlineData("fr-FR", "yeah")]
    public void Recognize_LocaleFindsNothing_FallsBackToEnglish(string locale, string text) =>
        Assert.True(ConfirmRecognizer.Recognize(text, locale));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("xx-YY")]
    [InlineData("en_GB")]
    public void Recognize_MissingOrUnknownLocale_UsesEnglish(string? locale) =>
        Assert.True(ConfirmRecognizer.Recognize("yep", locale));

    [Theory]
    [InlineData("yes and no")]
    [InlineData("no... well, yes")]
    [InlineData("👍👎")]
    public void Recognize_BothYesAndNo_ReturnsNull(string text) =>
        Assert.Null(ConfirmRecognizer.Recognize(text, "en"));

    [Theory]
    [InlineData("maybe")]
    [InlineData("what?")]
    [InlineData("I need to think about it")]
    [InlineData("not sure")]
    [InlineData("I'm not really sure")]
    [InlineData("yesterday")]
    [InlineData("nothing")]
    public void Recognize_NonAnswer_ReturnsNull(string text) =>
        Assert.Null(ConfirmRecognizer.Recognize(text, "en"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public void Recognize_EmptyInput_ReturnsNull(string? text) =>
        Assert.Null(ConfirmRecognizer.Recognize(text, "en"));

    [Fact]
    public void Recognize_ManyThreadsAtOnce_AgreeWithSingleThread()
    {
        var answers = new bool?[64];
        Parallel.For(0, answers.Length, i => answers[i] = ConfirmRecognizer.Recognize(i % 2 == 0 ? "oui" : "non", "fr"));

        Assert.All(answers, (answer, i) => Assert.Equal(i % 2 == 0, answer));
    }
}
