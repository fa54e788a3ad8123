using ClosureBot.Localization;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the bot says outside the steps' own questions (help per screen, the interruption replies), in the customer's
/// language: the texts themselves are in <c>Localization/Tables</c>; this class picks and fills them.
/// </summary>
public static class OffboardingTexts
{
    /// <summary>After a hand-back the account's details wait for the customer's own message, the proof of who they are.</summary>
    public static string CarryOnAfterHandBack(LocaleTable t, string alias) => t.Format(TextId.CarryOnAfterHandBack, alias);

    public static string SalesOnRecord(LocaleTable t, string alias) => t.Format(TextId.SalesOnRecord, alias);

    public static string NoAccounts(LocaleTable t, string? name) => name is null ? t[TextId.NoAccounts] : t.Format(TextId.NoAccountsNamed, name);

    /// <summary>Asked of a customer nobody vouched for, when verification is required; <paramref name="signInOffered"/>: the page has a Sign in button.</summary>
    public static string SignInRequired(LocaleTable t, bool signInOffered) => t[signInOffered ? TextId.SignInWithButton : TextId.SignInFromPortal];

    /// <summary>Said the same whether or not the account exists: a verified customer learns nothing of others' accounts.</summary>
    public static string NotTheirs(LocaleTable t, string alias, IReadOnlyList<string> accounts) => accounts.Count == 0
        ? t.Format(TextId.NotTheirsNone, alias)
        : t.Format(TextId.NotTheirs, alias, string.Join(", ", accounts));

    public static string AlreadyRequested(CustomerLocale locale, string alias, DateTimeOffset since) =>
        locale.Texts.Format(TextId.AlreadyRequested, alias, locale.Texts.Date(locale.Date(since)));

    public static string SignedIn(LocaleTable t, string? name) => name is null ? t[TextId.SignedIn] : t.Format(TextId.SignedInAs, name);

    /// <summary>After three answers that did not work out at <paramref name="screen"/>: what the customer can do there, or a person.</summary>
    public static string Trouble(LocaleTable t, string screen) => t[screen switch
    {
        OffboardingSteps.Account => TextId.TroubleAccount,
        OffboardingSteps.RequestClose => TextId.TroubleRequestClose,
        _ => TextId.TroubleOptions,
    }];

    public static string RemindLater(LocaleTable t, string screen) => t.Format(TextId.RemindLater, OffboardingSteps.Describe(t, screen));

    /// <summary>A card's button from another step than <paramref name="screen"/>, the one the customer is at: refused, saying where we are.</summary>
    public static string Stale(LocaleTable t, string screen, bool buttonIsLater) =>
        t.Format(buttonIsLater ? TextId.StaleLater : TextId.Stale, OffboardingSteps.Describe(t, screen));

    public static string AlreadyStarted(LocaleTable t, string screen) => t.Format(TextId.AlreadyStarted, OffboardingSteps.Describe(t, screen));

    public static string Help(LocaleTable t, string screen, string serviceTaskUrl) => screen switch
    {
        OffboardingSteps.Overview => t[TextId.HelpOverview],
        OffboardingSteps.Account => t[TextId.HelpAccount],
        OffboardingSteps.TermCommitment => t[TextId.HelpTermCommitment],
        OffboardingSteps.RetrieveData => t.Format(TextId.HelpRetrieveData, serviceTaskUrl),
        OffboardingSteps.DeleteServers => t[TextId.HelpDeleteServers],
        OffboardingSteps.DeleteServices => t[TextId.HelpDeleteServices],
        OffboardingSteps.RequestClose => t[TextId.HelpRequestClose],
        OffboardingSteps.ResumeOffer => t[TextId.HelpResumeOffer],
        OffboardingSteps.ConfirmCancel => t[TextId.HelpConfirmCancel],
        _ => t[TextId.Welcome],
    };
}
