namespace ClosureBot.Offboarding;

/// <summary>What the bot says outside the steps' own questions: help per screen and the interruption replies.</summary>
public static class OffboardingTexts
{
    public const string Welcome =
        "Hi, I'm ClosureBot. I can guide you through closing your cloud account, one step at a time, " +
        "or put you in touch with our support team.";

    public const string ConfirmCancel = "Do you want to stop closing your account? Nothing will be requested.";

    public const string Cancelled = "All right, I've stopped. Nothing has been requested and your account is unchanged. " +
        "If you change your mind, just say \"close my account\".";

    public const string CarryOn = "Good, let's carry on.";

    public const string Outdated = "I've been updated since we last spoke, so I can't continue that conversation exactly where it was. Sorry about that.";

    public const string OutdatedSave =
        "I've been updated since you saved your place, so I can't pick up exactly where you left off. Sorry about that: " +
        "let's start again from the beginning. It only takes a few minutes, and nothing has been requested yet.";

    public const string WaitingForSignIn = "I'll wait here while you sign in.";

    /// <summary>After a hand-back the account's details wait for the customer's own message, the proof of who they are.</summary>
    public static string CarryOnAfterHandBack(string alias) =>
        $"Send me any message to carry on with {alias}: I show an account's details only in answer to you.";

    public const string AskAlias = "Which account do you want to close? Type its account alias.";

    public const string SalesAnswered =
        "Thanks for telling me. An account with a cloud term commitment is closed through your sales representative: please " +
        "contact them and they will execute a terminate service order for you. I haven't requested anything. If you'd like a " +
        "hand finding the right person, choose Talk to sales and someone from our sales team will answer here.";

    public const string SalesUnsure =
        "As it isn't clear whether your account has a cloud term commitment, I'll play it safe: please check with your sales " +
        "representative. If you have one, they will execute a terminate service order for you. I haven't requested anything. " +
        "If you're sure there is no commitment, say \"close my account\" to start again, or talk to support.";

    public const string ResumeRetry = "Shall we pick up where you left off? Please answer yes, or no to start from the beginning.";

    public const string CancelRetry = "Please answer yes to stop, or no to carry on.";

    public const string EndedBySupport = "That's all for now. Nothing more has been requested. If you'd like to go on with closing your account later, just say \"close my account\".";

    public const string TakenAsNo = "I'll take that as a no, so nothing changes: let's carry on.";

    public static string SalesOnRecord(string alias) =>
        $"Our records show a cloud term commitment on {alias}. An account with a term commitment is closed through your sales " +
        "representative: please contact them and they will execute a terminate service order for you. I haven't requested " +
        "anything, and I can't request this closure here. If you think the record is wrong, our support team can help.";

    public static string NoAccounts(string? name) =>
        $"You're signed in{(name is null ? "" : $" as {name}")}, but no account is listed for you to administer, so I can't " +
        "show or close one. If that's wrong, our support team can help.";

    /// <summary>Asked of a customer nobody vouched for, when verification is required; <paramref name="signInOffered"/>: the page has a Sign in button.</summary>
    public static string SignInRequired(bool signInOffered) => signInOffered
        ? "To see an account's resources or request its closure, please sign in first: use the Sign in button at the top of " +
          "the chat, and I'll carry on right here. Meanwhile you can ask me about the steps or talk to support."
        : "To see an account's resources or request its closure, I need to know who you are, and this chat can't tell. Please " +
          "open it from the Control Portal while signed in. Meanwhile you can ask me about the steps or talk to support.";

    /// <summary>Said the same whether or not the account exists: a verified customer learns nothing of others' accounts.</summary>
    public static string NotTheirs(string alias, IReadOnlyList<string> accounts) =>
        $"Your sign-in doesn't let you act for the account \"{alias}\", so I can't show it or request its closure. " +
        (accounts.Count == 0 ? "It lists no account you may administer. " : $"The accounts you may close: {string.Join(", ", accounts)}. ") +
        "If you should have access, please talk to support.";

    public static string AlreadyRequested(string alias, DateTimeOffset since) =>
        $"A request to close {alias} already exists, since {since.UtcDateTime:d MMMM yyyy}. I've added your request to it, so our " +
        "team sees that you asked too. Nothing else is needed from you.";

    public static string SignedIn(string? name) => name is null ? "Thanks, you're signed in." : $"Thanks, you're signed in as {name}.";

    /// <summary>After three answers that did not work out at <paramref name="screen"/>: what the customer can do there, or a person.</summary>
    public static string Trouble(string screen) => screen switch
    {
        OffboardingSteps.Account => "I'm having trouble understanding, sorry. You can type your account alias (it's in the Control Portal under Account → Info), or talk to a person.",
        OffboardingSteps.RequestClose => "I'm having trouble understanding, sorry. You can type the account alias to confirm, say \"cancel\", or talk to a person.",
        _ => "I'm having trouble understanding, sorry. You can pick one of the options, or talk to a person.",
    };

    public static string RemindLater(string screen) =>
        $"No problem — I've saved your place at {OffboardingSteps.Describe(screen)}. " +
        "Come back any time, here or in a new chat, and I'll offer to pick up where you left off with fresh figures.";

    public static string Stale(string screen) =>
        $"That button belongs to an earlier step. We're now at {OffboardingSteps.Describe(screen)}.";

    public static string AlreadyStarted(string screen) => $"We're already on it — we're at {OffboardingSteps.Describe(screen)}.";

    public static string Help(string screen) => screen switch
    {
        OffboardingSteps.Overview =>
            "I'll walk you through closing your account one step at a time. Nothing is requested until you confirm at step 4. " +
            "Answer yes to begin, or no to stop here.",
        OffboardingSteps.Account =>
            "Your account alias is the short code that identifies your account; you'll find it in the Control Portal. Type it here.",
        OffboardingSteps.TermCommitment =>
            "A cloud term commitment is a contract to use cloud services for a fixed term. If you have one, your sales representative " +
            "closes the account with a terminate service order. If you're not sure, talk to support before going on.",
        OffboardingSteps.RetrieveData =>
            "Log in to each server and copy what you want to keep to your own premises or another provider: once the account is " +
            "closed nothing can be recovered. If you'd like us to extract a virtual machine or data for you, request a paid " +
            "Service Task at https://www.ctl.io/service-tasks/.",
        OffboardingSteps.DeleteServers =>
            "Delete your running, stopped, paused and archived servers in the Control Portal or with the API. We would delete them " +
            "once your closure is verified, but until then they keep costing you. Choose Check again to refresh the list.",
        OffboardingSteps.DeleteServices =>
            "Remove virtual networks, public IP addresses, site-to-site VPNs, load balancer pools, Object Storage buckets and " +
            "AppFog applications: they are billed hourly or monthly until they are gone. Choose Check again to refresh the list.",
        OffboardingSteps.RequestClose =>
            "Typing your account alias to confirm sends the closure request straight away, and it cannot be undone. In the Control Portal it is the Request to close link under Account → Info. Type \"cancel\" if you'd rather not.",
        OffboardingSteps.ResumeOffer =>
            "I saved your place when you left. Answer yes to pick up there, with fresh figures, or no to start from the beginning.",
        OffboardingSteps.ConfirmCancel =>
            "Answer yes to stop closing your account (nothing will be requested), or no to carry on where you are.",
        _ => Welcome,
    };
}
