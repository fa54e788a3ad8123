using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public class QuestionDetectorTests
{
    [Theory]
    [InlineData("how much will the last bill be?", "en-US")]
    [InlineData("what servers", "en-US")]
    [InlineData("what's a term commitment", "en-US")]
    [InlineData("when is the last invoice", "en-US")]
    [InlineData("can I get my data back later", "en-US")]
    [InlineData("do I need to delete the VPN too", "en-US")]
    [InlineData("ok so what happens next", "en-US")]
    [InlineData("done?", "en-US")]
    [InlineData("wann kommt die letzte Rechnung", "de-DE")]
    [InlineData("¿cuánto cuesta?", "es-ES")]
    [InlineData("combien ça coûte", "fr-FR")]
    [InlineData("quando chega a fatura", "pt-BR")]
    public void IsQuestion_Questions_True(string text, string locale) => Assert.True(QuestionDetector.IsQuestion(text, locale));

    [Theory]
    [InlineData("done")]
    [InlineData("do it")]
    [InlineData("I'm done")]
    [InlineData("ACME")]
    [InlineData("yes please")]
    [InlineData("check again")]
    [InlineData("")]
    public void IsQuestion_Answers_False(string text) => Assert.False(QuestionDetector.IsQuestion(text, "en-US"));
}
