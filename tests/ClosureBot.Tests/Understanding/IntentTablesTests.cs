using System.Text.RegularExpressions;
using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// Issue 12: the intent tables' patterns run in the interpreter. Source-generated, the largest were matching methods of
/// 10-17 KB of IL that the JIT optimized under load with about 20 MiB of working memory each, which set the bot's peak
/// memory (tests/ClosureBot.LoadTest/MEASUREMENTS.md, thirtieth measurement).
/// </summary>
public sealed class IntentTablesTests
{
    public static TheoryData<string> Tables => ["en", "es", "fr", "de", "pt"];

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryPattern_OfATable_IsInterpretedNotGeneratedOrCompiled(string language)
    {
        var rules = language switch
        {
            "en" => EnglishIntents.Rules,
            "es" => OtherLanguageIntents.Spanish,
            "fr" => OtherLanguageIntents.French,
            "de" => OtherLanguageIntents.German,
            _ => OtherLanguageIntents.Portuguese,
        };

        Assert.NotEmpty(rules);
        foreach (var pattern in rules.SelectMany(r => r.Unless is null ? [r.Pattern] : new[] { r.Pattern, r.Unless }))
        {
            // A generated pattern is a subclass of Regex with its own matching code; an interpreted one is a Regex.
            Assert.True(pattern.GetType() == typeof(Regex), $"{language}: {pattern.GetType().Name} for {pattern}");
            Assert.False(pattern.Options.HasFlag(RegexOptions.Compiled), $"{language}: compiled {pattern}");
            Assert.Equal(RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, pattern.Options);
        }
    }

    [Fact]
    public void TheRestartPatterns_SharedWithTheRestartCheck_AreParsedOnce()
    {
        // IntentReader.IsRestart reads the tables' own restart patterns: one object each, not a second parse.
        Assert.Same(EnglishIntents.EnglishRestart1(), EnglishIntents.EnglishRestart1());
        Assert.Same(OtherLanguageIntents.SpanishRestart1(), OtherLanguageIntents.SpanishRestart1());
        Assert.Same(OtherLanguageIntents.FrenchRestart1(), OtherLanguageIntents.FrenchRestart1());
        Assert.Same(OtherLanguageIntents.GermanRestart1(), OtherLanguageIntents.GermanRestart1());
        Assert.Same(OtherLanguageIntents.PortugueseRestart1(), OtherLanguageIntents.PortugueseRestart1());
        Assert.Contains(EnglishIntents.Rules, r => ReferenceEquals(r.Pattern, EnglishIntents.EnglishRestart1()));
    }

    [Theory]
    [InlineData("ok, cancel please!", "en", MessageKind.Cancel)]
    [InlineData("hola, cancelar por favor", "es", MessageKind.Cancel)]
    [InlineData("bonjour, annuler merci", "fr", MessageKind.Cancel)]
    [InlineData("hallo, abbrechen bitte", "de", MessageKind.Cancel)]
    [InlineData("olá, cancelar obrigado", "pt", MessageKind.Cancel)]
    public void AnInterruption_WithCourtesyAround_IsReadWhole(string text, string locale, MessageKind kind)
    {
        // The courtesy pattern is interpreted too: the greeting and the thanks around the message are still set aside,
        // so an anchored pattern reads the rest as the whole message.
        Assert.Equal((kind, true), IntentReader.Read(text, locale));
    }
}
