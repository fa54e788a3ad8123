using System.Globalization;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class LatinLettersTests
{
    [Fact]
    public void Runtime_InvariantMode_NormalizeDoesNothing()
    {
        // Why the table exists: without ICU, string.Normalize returns its input (the tests run as the app does).
        Assert.Equal("e\u0301", "e\u0301".Normalize(System.Text.NormalizationForm.FormC));
        Assert.Equal("", CultureInfo.InvariantCulture.Name);
        Assert.Equal("January", new CultureInfo("de-DE").DateTimeFormat.MonthNames[0]);
    }

    [Theory]
    [InlineData("e\u0301", "é")]
    [InlineData("Sı\u0301", "Sı\u0301")] // a dotless i takes no acute in Unicode's compositions
    [InlineData("si\u0301, na\u0303o, ja\u0301 terminei", "sí, não, já terminei")]
    [InlineData("C\u0327a va, d'accord", "Ça va, d'accord")]
    [InlineData("u\u0308\u0304", "ǖ")]
    [InlineData("\u0301e", "\u0301e")] // a mark with nothing before it stays
    [InlineData("N\u0303N\u0303", "ÑÑ")]
    public void Compose_DecomposedAccents_AreOneLetterEach(string text, string expected) =>
        Assert.Equal(expected, LatinLetters.Compose(text));

    [Theory]
    [InlineData("é", "e\u0301")]
    [InlineData("Não, já terminei", "Na\u0303o, ja\u0301 terminei")]
    [InlineData("ǖ", "u\u0308\u0304")]
    [InlineData("ß æ ø đ", "ß æ ø đ")] // letters of their own, not a letter and a mark
    [InlineData("Ωμέγα", "Ωμέγα")] // outside the Latin blocks: left as written
    public void Decompose_PrecomposedLetters_AreBaseLetterAndMarks(string text, string expected) =>
        Assert.Equal(expected, LatinLetters.Decompose(text));

    [Fact]
    public void ComposeAndDecompose_NothingToDo_ReturnTheSameString()
    {
        const string plain = "yes, I'm done 👍";
        Assert.Same(plain, LatinLetters.Compose(plain));
        Assert.Same(plain, LatinLetters.Decompose(plain));
    }

    [Fact]
    public void Decompose_ThenCompose_GivesBackEveryLetterOfTheFiveLanguages()
    {
        const string letters = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸœŒ";
        var decomposed = LatinLetters.Decompose(letters);

        Assert.NotEqual(letters, decomposed);
        Assert.DoesNotContain(decomposed, c => c is >= '\u00C0' and <= '\u00FF');
        Assert.Equal(letters, LatinLetters.Compose(decomposed));
    }

    [Theory]
    [InlineData("si\u0301", "si")]
    [InlineData("Deuxie\u0300me", "deuxieme")]
    public void Normalize_DecomposedInput_FoldsLikePrecomposed(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));
}

public sealed class TypedTextTests
{
    [Theory]
    [InlineData("d\u2019accord", "d'accord")]
    [InlineData("si\u0301, ja\u0301", "sí, já")]
    [InlineData("nooo", "nooo")]
    public void Plain_PhoneText_IsComposedWithStraightApostrophes(string text, string expected) =>
        Assert.Equal(expected, TypedText.Plain(text));

    [Theory]
    [InlineData("nooo", "no")]
    [InlineData("laterrr", "later")]
    [InlineData("si\u0301\u0301", "sí\u0301")] // a stray second accent stays a mark
    [InlineData("all good", "all good")]
    public void Unstretched_LettersTypedThreeTimes_AreOne(string text, string expected) =>
        Assert.Equal(expected, TypedText.Unstretched(text));
}
