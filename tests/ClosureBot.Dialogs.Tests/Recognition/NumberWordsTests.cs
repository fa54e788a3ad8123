using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("en", "the second one")]
    [InlineData("en", "the last")]
    [InlineData("es", "el ultimo")]
    [InlineData("fr", "le deuxieme")]
    [InlineData("de", "die zweite")]
    [InlineData("pt", "a segunda")]
    public void AnyIn_UtteranceWithNumberWord_ReturnsTrue(string language, string normalized) =>
        Assert.True(NumberWords.AnyIn(language, TextNormalizer.Tokenize(normalized)));

    [Theory]
    [InlineData("i want a refund")]
    [InlineData("the thing before the end but to me")]
    [InlineData("im done")]
    public void AnyIn_EnglishWithoutNumberWord_ReturnsFalse(string normalized) =>
        Assert.False(NumberWords.AnyIn("en", TextNormalizer.Tokenize(normalized)));

    [Fact]
    public void AnyIn_LanguageWithoutWordList_LeavesDecisionToModel() =>
        Assert.True(NumberWords.AnyIn("ja", ["nani"]));
}
