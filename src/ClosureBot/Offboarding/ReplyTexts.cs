using ClosureBot.Localization;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the bot says when it helps with the account alias or talks after the closure has ended, in the customer's
/// language (the texts are in <c>Localization/Tables</c>).
/// </summary>
public static class ReplyTexts
{
    public static string Ended(LocaleTable t, OffboardingOutcome outcome, string? alias, string? reference) => outcome switch
    {
        OffboardingOutcome.Requested when reference is not null => t.Format(TextId.EndedRequested, alias, reference),
        OffboardingOutcome.Requested => t.Format(TextId.EndedJoined, alias),
        OffboardingOutcome.RedirectedToSales => alias is null ? t[TextId.EndedSalesNoAlias] : t.Format(TextId.EndedSales, alias),
        OffboardingOutcome.Abandoned => t[TextId.EndedAbandoned],
        _ => t[TextId.EndedNotStarted],
    };
}
