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
    string AllClear,
    string RetryText,
    string NotDoneReply,
    Func<int, string> Remaining,
    string WarnRetryText,
    Func<OffboardingCards, AccountSnapshot, bool, string, Activity> Card,
    Func<AccountSnapshot, int> Count,
    Action<OffboardingState> MarkContinued)
{
    public static readonly RemainingResourceStep Servers = new(
        OffboardingSteps.DeleteServers,
        "Delete your servers in the Control Portal or with the API, then choose Done.",
        "Nothing to delete here: choose Done to go on.",
        "Choose Done when your servers are deleted, or Check again to refresh the list.",
        "All right, take your time. Choose Check again to see what's left, or Done once your servers are deleted.",
        n => n == 1
            ? "1 server remains and keeps incurring charges until the closure is verified"
            : $"{n} servers remain and keep incurring charges until the closure is verified",
        "Continue anyway with servers still on the account? Please answer yes or no.",
        (cards, account, verified, text) => cards.Servers(account, verified, text),
        account => account.Servers.Count,
        state => state.ContinuedWithServersRemaining = true);

    public static readonly RemainingResourceStep Services = new(
        OffboardingSteps.DeleteServices,
        "Remove these services, then choose Done.",
        "Nothing to remove here: choose Done to go on.",
        "Choose Done when the services are removed, or Check again to refresh the list.",
        "All right, take your time. Choose Check again to see what's left, or Done once the services are removed.",
        n => n == 1 ? "1 billed service remains and keeps incurring charges" : $"{n} billed services remain and keep incurring charges",
        "Continue anyway with billed services still on the account? Please answer yes or no.",
        (cards, account, verified, text) => cards.Services(account, verified, text),
        account => account.Services.Count,
        state => state.ContinuedWithServicesRemaining = true);
}
