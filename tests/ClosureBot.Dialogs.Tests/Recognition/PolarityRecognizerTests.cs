using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public class PolarityRecognizerTests
{
    [Theory]
    [InlineData("yes", "en-US")]
    [InlineData("ok, go ahead", "en-US")]
    [InlineData("sure!", "en-GB")]
    [InlineData("ja", "de-DE")]
    [InlineData("sí", "es-ES")]
    [InlineData("oui", "fr-FR")]
    [InlineData("sim", "pt-BR")]
    public void Read_Agreement_IsAffirmative(string text, string locale) =>
        Assert.Equal(AnswerPolarity.Affirmative, PolarityRecognizer.Read(text, locale));

    // What a choice prompt checks before it picks Done: "no problem" and "no errors" are not refusals.
    [Theory]
    [InlineData("done, no errors", "en-US")]
    [InlineData("ok, no problem", "en-US")]
    [InlineData("erledigt, keine Fehler", "de-DE")]
    public void Read_NothingWentWrong_IsNotNegative(string text, string locale) =>
        Assert.NotEqual(AnswerPolarity.Negative, PolarityRecognizer.Read(text, locale));

    [Theory]
    [InlineData("no", "en-US")]
    [InlineData("not yet", "en-US")]
    [InlineData("I'm not done", "en-US")]
    [InlineData("I haven't finished", "en-US")]
    [InlineData("no, wait", "en-US")]
    [InlineData("hold on", "en-US")]
    [InlineData("still working on it", "en-US")]
    [InlineData("almost", "en-US")]
    [InlineData("noch nicht", "de-DE")]
    [InlineData("todavía no", "es-ES")]
    [InlineData("pas encore", "fr-FR")]
    [InlineData("ainda não", "pt-BR")]
    [InlineData("yes but not yet", "en-US")]
    public void Read_NegationOrHesitation_IsNegative(string text, string locale) =>
        Assert.Equal(AnswerPolarity.Negative, PolarityRecognizer.Read(text, locale));

    [Theory]
    [InlineData("banana")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("check again")]
    public void Read_Neither_IsNone(string? text) => Assert.Equal(AnswerPolarity.None, PolarityRecognizer.Read(text, "en-US"));
}
