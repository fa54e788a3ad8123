using ClosureBot.Localization;

namespace ClosureBot.Tests.Support;

// The bot's English table, for tests that check an English conversation against the texts it should say.
public static class English
{
    public static LocaleTable Texts { get; } = Locales.Load().English;
}
