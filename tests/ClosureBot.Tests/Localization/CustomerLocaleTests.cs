using ClosureBot.Localization;

namespace ClosureBot.Tests.Localization;

public sealed class CustomerLocaleTests
{
    private static readonly CustomerLocales Locales = new(ClosureBot.Localization.Locales.Load());
    private static readonly DateTimeOffset Moment = new(2026, 11, 12, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void DateTime_IanaZone_IsTheCustomersLocalTimeInTheirLanguage()
    {
        var berlin = Locales.Resolve("de-DE", "Europe/Berlin", 60);

        // Digits: "12. November" at the start of a card fact would render as a numbered list.
        Assert.Equal("12.11.2026, 10:30", berlin.DateTime(Moment));
    }

    [Fact]
    public void DateTime_OnlyAnOffset_UsesTheOffset()
    {
        var india = Locales.Resolve("en-IN", null, 330);

        Assert.Equal("12 November 2026, 15:00", india.DateTime(Moment));
    }

    [Fact]
    public void DateTime_NoZoneAtAll_IsUtcAndSaysSo()
    {
        Assert.Equal("12 November 2026, 09:30 UTC", Locales.Resolve("en-GB", null, null).DateTime(Moment));
        Assert.Equal("12 de noviembre de 2026, 09:30 UTC", Locales.Resolve("es-ES", null, null).DateTime(Moment));
    }

    [Fact]
    public void DateTime_UnknownZoneName_FallsBackToTheOffset()
    {
        Assert.Equal("12 novembre 2026 à 11:30", Locales.Resolve("fr-FR", "Mars/Olympus_Mons", 120).DateTime(Moment));
    }

    [Fact]
    public void MonthEnd_LateOnTheLastDayInUtc_IsTheCustomersMonth()
    {
        var lastEvening = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 31), Locales.Resolve("de-DE", "Europe/Berlin", null).MonthEnd(lastEvening));
        Assert.Equal(new DateOnly(2026, 11, 30), Locales.Resolve("de-DE", null, null).MonthEnd(lastEvening));
    }

    [Fact]
    public void Resolve_SameLanguageAndZone_ReusesOneObject()
    {
        Assert.Same(Locales.Resolve("de-DE", "Europe/Berlin", 60), Locales.Resolve("de-DE", "Europe/Berlin", 60));
        Assert.Same(Locales.Resolve("es-MX", null, -360), Locales.Resolve("es-MX", null, -360));
    }

    [Theory]
    [InlineData("es-MX", "es-MX")]
    [InlineData("de", "de")]
    [InlineData("ja-JP", "en-GB")]
    [InlineData(null, "en-GB")]
    [InlineData("de-<b>", "de-DE")]
    public void ReplyLocale_CustomersTagWhenTheBotSpeaksIt(string? locale, string expected)
    {
        Assert.Equal(expected, Locales.Resolve(locale, null, null).ReplyLocale);
    }
}
