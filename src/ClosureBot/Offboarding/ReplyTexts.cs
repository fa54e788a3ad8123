using System.Globalization;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the bot says when it answers a question, helps with the account alias, or talks after the closure has ended.
/// Kept together, in English, so they can be localized in one place.
/// </summary>
public static class ReplyTexts
{
    public const string TermCommitment =
        "A cloud term commitment is a contract to use cloud services for a fixed term, usually in exchange for a better price. " +
        "An account with one isn't closed here: your sales representative closes it by executing a terminate service order. " +
        "If you're not sure whether you have one, your contract or our support team can tell you.";

    public static string ServiceTask(string url) =>
        "A Service Task is work our engineers do for you for a fee, such as extracting a virtual machine or copying your data " +
        $"off your servers. It is quoted and billed separately from your account's usage: request one at {url} and you'll get the price before any work starts.";

    public const string Servers =
        "Your servers are the virtual and bare metal servers on the account, whether running, stopped, paused or archived. " +
        "Each one holds data until it is deleted, and is billed until it is deleted or the closure is verified, stopped and archived ones included.";

    public const string Services =
        "The billed services are virtual networks, public IP addresses, site-to-site VPNs, load balancer pools, Object Storage " +
        "buckets and AppFog applications. They are charged hourly or monthly for as long as they exist, so remove them before you request the closure.";

    public const string StillBilled =
        "Servers and services are billed for as long as they exist, stopped and archived servers included. We delete whatever is " +
        "left once your closure request is verified, which can take a few hours or days, so deleting them yourself stops the charges sooner.";

    public static string FinalInvoice(DateOnly monthEnd) =>
        "Your final invoice arrives after the close of the month in which the account is closed: for a request made this month, " +
        $"after {monthEnd.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. It covers what the account used up to then, so anything still running adds to it. " +
        "I can't tell you the amount here; our support team can.";

    public static string Alias(string portalUrl) =>
        "Your account alias is the short code of letters that identifies your account. You'll find it in the Control Portal " +
        $"({portalUrl}) under Account → Info, next to the account's name. If you can't sign in to the portal, our support team can help.";

    public const string RequestToClose =
        "Requesting the closure sends a request to our team straight away, just like the Request to close link under Account → Info " +
        "in the Control Portal. The team then verifies it and closes the account. Once sent it cannot be undone, and there is no " +
        "guarantee that any server data or configuration can be retrieved afterwards.";

    public static string DataRecovery(string url) =>
        "No: once the account is closed, neither it nor anything on it (servers, data, configurations) can be recovered. Copy " +
        $"everything you want to keep before you request the closure; if you need help extracting a virtual machine or data, request a paid Service Task at {url}.";

    public static string Unknown(string email) =>
        "I'm sorry, I don't know the answer to that one, and I'd rather not guess. Our support team can help: choose " +
        $"Talk to support, or write to {email}.";

    public static string NoSuchAlias(string alias) => $"I couldn't find an account with the alias \"{alias}\". Please check it and type it again.";

    public const string NoAliasInAnswer = "I couldn't find an account alias in that. Please type just the alias (you'll find it in the Control Portal under Account → Info).";

    public static string DidYouMean(string alias) => $"I couldn't find that alias. Did you mean {alias}? If so, type it or choose it below.";

    public const string AliasPromptRetry = "Please type the account alias of the account you want to close (for example ABCD).";

    public const string Goodbye = "You're welcome! Goodbye, and thanks for having been with us.";

    public const string GoodbyeMidway = "You're welcome!";

    public static string Ended(OffboardingOutcome outcome, string? alias, string? reference) => outcome switch
    {
        OffboardingOutcome.Requested when reference is not null =>
            $"Your closure request for {alias} is logged. Your reference is {reference}. Nothing else is needed from you: our team " +
            "verifies the request and closes the account, and your final invoice arrives after the close of the month.",
        OffboardingOutcome.Requested =>
            $"A closure request for {alias} is logged, and your request was added to it. Nothing else is needed from you.",
        OffboardingOutcome.RedirectedToSales =>
            $"{alias ?? "Your account"} has a cloud term commitment, so it is closed through your sales representative with a " +
            "terminate service order. I haven't requested anything here.",
        OffboardingOutcome.Abandoned => "You stopped closing your account. Nothing has been requested and your account is unchanged.",
        _ => "You decided not to start closing your account. Nothing has been requested.",
    };

    public const string EndedStartAgain = "If you'd like to close an account, just say \"close my account\".";

    public static string StaleAfterEnd(string ended) => $"That button belongs to a conversation that has ended. {ended}";
}
