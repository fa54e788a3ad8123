using ClosureBot.Offboarding;

namespace ClosureBot.Tests.Support;

/// <summary>The customer's words that lead to each screen of the demo account ACME, and the question each screen asks.</summary>
public static class Script
{
    public static readonly string[] HappyPath =
        ["I want to close my account", "yes", "ACME", "no", "done", "done", "yes", "done", "yes", "ACME"];

    /// <summary>Every screen a customer can cancel, ask for help or get lost at, for theories.</summary>
    public static TheoryData<string> Screens() => new()
    {
        OffboardingSteps.Overview, OffboardingSteps.Account, OffboardingSteps.TermCommitment, OffboardingSteps.RetrieveData,
        OffboardingSteps.DeleteServers, OffboardingSteps.DeleteServices, OffboardingSteps.RequestClose,
    };

    /// <summary>What to type to stand at <paramref name="screen"/> waiting for the customer's answer.</summary>
    public static string[] To(string screen) => screen switch
    {
        OffboardingSteps.Overview => HappyPath[..1],
        OffboardingSteps.Account => HappyPath[..2],
        OffboardingSteps.TermCommitment => HappyPath[..3],
        OffboardingSteps.RetrieveData => HappyPath[..4],
        OffboardingSteps.DeleteServers => HappyPath[..5],
        OffboardingSteps.DeleteServices => HappyPath[..7],
        OffboardingSteps.RequestClose => HappyPath[..9],
        _ => throw new ArgumentOutOfRangeException(nameof(screen), screen, null),
    };

    /// <summary>The question the bot asks at <paramref name="screen"/>.</summary>
    public static string Question(string screen) => screen switch
    {
        OffboardingSteps.Overview => "Shall we start?",
        OffboardingSteps.Account => "Which account do you want to close? Type its account alias.",
        OffboardingSteps.TermCommitment => "Do you have a cloud term commitment?",
        OffboardingSteps.RetrieveData => "When your data is safe, choose Done.",
        OffboardingSteps.DeleteServers => "Delete your servers in the Control Portal or with the API, then choose Done.",
        OffboardingSteps.DeleteServices => "Remove these services, then choose Done.",
        OffboardingSteps.RequestClose => "Type the account alias ACME to confirm, or \"cancel\".",
        _ => throw new ArgumentOutOfRangeException(nameof(screen), screen, null),
    };

    /// <summary>The words that move on from <paramref name="screen"/> (the happy path's next answer).</summary>
    public static string Next(string screen) => HappyPath[To(screen).Length];
}
