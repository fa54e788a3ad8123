using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("I'm DONE!", "im done")]
    [InlineData("  That’s   all, thanks. ", "thats all thanks")]
    [InlineData("Não, obrigado", "nao obrigado")]
    [InlineData("Deuxième", "deuxieme")]
    [InlineData("👍 yes 👍", "yes")]
    [InlineData("?!", "")]
    public void Normalize_MixedText_FoldsCaseAccentsAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_LongerThanStackBuffer_FoldsWholeText()
    {
        string text = string.Concat(Enumerable.Repeat("Ça va! ", 100));

        Assert.Equal(string.Join(' ', Enumerable.Repeat("ca va", 100)), TextNormalizer.Normalize(text));
    }
}
