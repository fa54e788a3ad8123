using ClosureBot.Accounts;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// What differs between step 2 (servers) and step 3 (billed services). Both show what remains, warn when the
/// customer says Done with something left, and go back or on depending on the answer.
/// </summary>
internal sealed record RemainingResourceStep(
    string Screen,
    string Instruction,
    string RetryText,
    string One,
    string Many,
    string Charges,
    string WarnRetryText,
    Func<OffboardingCards, AccountSnapshot, string, Activity> Card,
    Func<AccountSnapshot, int> Count,
    Action<OffboardingState> MarkContinued)
{
    public static readonly RemainingResourceStep Servers = new(
        OffboardingSteps.DeleteServers,
        "Delete your servers in the Control Portal or with the API, then choose Done.",
        "Choose Done when your servers are deleted, or Check again to refresh the list.",
        "server remains", "servers remain", "keep incurring charges until the closure is verified",
        "Continue anyway with servers still on the account? Please answer yes or no.",
        (cards, account, text) => cards.Servers(account, text),
        account => account.Servers.Count,
        state => state.ContinuedWithServersRemaining = true);

    public static readonly RemainingResourceStep Services = new(
        OffboardingSteps.DeleteServices,
        "Remove these services, then choose Done.",
        "Choose Done when the services are removed, or Check again to refresh the list.",
        "billed service remains", "billed services remain", "keep incurring charges",
        "Continue anyway with billed services still on the account? Please answer yes or no.",
        (cards, account, text) => cards.Services(account, text),
        account => account.Services.Count,
        state => state.ContinuedWithServicesRemaining = true);
}
