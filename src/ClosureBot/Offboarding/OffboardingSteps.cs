namespace ClosureBot.Offboarding;

/// <summary>The screens of the conversation, their ids (as carried by card buttons) and titles.</summary>
public static class OffboardingSteps
{
    public const string Overview = "overview";
    public const string Account = "account";
    public const string TermCommitment = "term-commitment";
    public const string RetrieveData = "retrieve-data";
    public const string DeleteServers = "delete-servers";
    public const string DeleteServices = "delete-services";
    public const string RequestClose = "request-close";
    public const string FinalInvoice = "final-invoice";

    /// <summary>Not a step of the closure: the offer to pick up a saved place.</summary>
    public const string ResumeOffer = "resume-offer";

    /// <summary>Not a step of the closure: the question whether to stop.</summary>
    public const string ConfirmCancel = "confirm-cancel";

    /// <summary>The five numbered steps of the article, in order.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> Numbered =
    [
        (RetrieveData, "Retrieve your data"),
        (DeleteServers, "Delete running, stopped and archived servers"),
        (DeleteServices, "Delete services with an hourly or monthly charge"),
        (RequestClose, "Request to close"),
        (FinalInvoice, "Final invoice"),
    ];

    /// <summary>1-based number of a numbered step, or 0 for the screens before step 1.</summary>
    public static int NumberOf(string stepId)
    {
        for (var i = 0; i < Numbered.Count; i++)
            if (Numbered[i].Id == stepId) return i + 1;
        return 0;
    }

    /// <summary>How a step is named to the customer ("Step 2 of 5 — …", or the screen's own name).</summary>
    public static string Describe(string stepId) => NumberOf(stepId) is var n and > 0
        ? $"Step {n} of 5 — {Numbered[n - 1].Title}"
        : stepId switch
        {
            Overview => "the overview",
            Account => "choosing the account",
            TermCommitment => "the cloud term commitment check",
            ResumeOffer => "the offer to pick up where you left off",
            _ => stepId,
        };
}
