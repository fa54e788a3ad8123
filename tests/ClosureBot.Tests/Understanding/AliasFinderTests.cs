using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

/// <summary>The account a message names, found only among the accounts given.</summary>
public sealed class AliasFinderTests
{
    private static readonly AccountName[] Visible = [new("ACME", "Acme Corporation"), new("INIT", "Initech LLC")];

    [Theory]
    [InlineData("ACME.", "ACME")]
    [InlineData("my account is acme", "ACME")]
    [InlineData("Acme Corporation", "ACME")]
    [InlineData("it's initech, llc", "INIT")]
    [InlineData("\"INIT\"", "INIT")]
    public void Find_NamedExactly_ReturnsTheAlias(string text, string alias) => Assert.Equal(new AliasMatch(alias, true), AliasFinder.Find(text, Visible));

    [Theory]
    [InlineData("ACMEE", "ACME")]
    [InlineData("acem", "ACME")]
    [InlineData("Initeck", "INIT")]
    public void Find_OneTypo_SuggestsTheAlias(string text, string alias) => Assert.Equal(new AliasMatch(alias, false), AliasFinder.Find(text, Visible));

    [Theory]
    [InlineData("EMPTY")]
    [InlineData("Empty Shell Co")]
    [InlineData("I don't know")]
    [InlineData("done")]
    public void Find_AccountNotAmongThoseGiven_ReturnsNothing(string text) => Assert.Null(AliasFinder.Find(text, Visible));

    [Fact]
    public void Find_NoAccountsGiven_NeverSuggests() => Assert.Null(AliasFinder.Find("ACMEE", []));
}
