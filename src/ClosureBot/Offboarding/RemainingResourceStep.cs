using ClosureBot.Accounts;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// What differs between step 2 (servers) and step 3 (billed services). Both show what remains, warn when the
/// customer says Done with something left, and go back or on depending on the answer.
/// </summary>
internal sealed record RemainingResourceStep(
    string Screen,
    TextId Instruction,
    TextId AllClear,
    TextId RetryText,
    TextId NotDoneReply,
    TextId Remaining,
    TextId WarnRetryText,
    Func<OffboardingCards, CustomerLocale, AccountSnapshot, bool, string, Activity> Card,
    Func<AccountSnapshot, int> Count,
    Action<OffboardingState> MarkContinued)
{
    public static readonly RemainingResourceStep Servers = new(
        OffboardingSteps.DeleteServers,
        TextId.ServersInstruction,
        TextId.ServersAllClear,
        TextId.ServersRetry,
        TextId.ServersNotDone,
        TextId.ServersRemain,
        TextId.ServersWarnRetry,
        (cards, locale, account, verified, text) => cards.Servers(locale, account, verified, text),
        account => account.Servers.Count,
        state => state.ContinuedWithServersRemaining = true);

    public static readonly RemainingResourceStep Services = new(
        OffboardingSteps.DeleteServices,
        TextId.ServicesInstruction,
        TextId.ServicesAllClear,
        TextId.ServicesRetry,
        TextId.ServicesNotDone,
        TextId.ServicesRemain,
        TextId.ServicesWarnRetry,
        (cards, locale, account, verified, text) => cards.Services(locale, account, verified, text),
        account => account.Services.Count,
        state => state.ContinuedWithServicesRemaining = true);
}
