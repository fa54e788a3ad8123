using ClosureBot.Localization;

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

    /// <summary>Not a screen: the closure ended with the customer sent to their sales representative (context for questions).</summary>
    public const string SentToSales = "sent-to-sales";

    /// <summary>Not a step of the closure: the question whether to stop.</summary>
    public const string ConfirmCancel = "confirm-cancel";

    /// <summary>The five numbered steps of the article, in order, with the texts of their title and summary.</summary>
    public static readonly IReadOnlyList<(string Id, TextId Title, TextId Summary)> Numbered =
    [
        (RetrieveData, TextId.StepRetrieveData, TextId.SummaryRetrieveData),
        (DeleteServers, TextId.StepDeleteServers, TextId.SummaryDeleteServers),
        (DeleteServices, TextId.StepDeleteServices, TextId.SummaryDeleteServices),
        (RequestClose, TextId.StepRequestClose, TextId.SummaryRequestClose),
        (FinalInvoice, TextId.StepFinalInvoice, TextId.SummaryFinalInvoice),
    ];

    /// <summary>1-based number of a numbered step, or 0 for the screens before step 1.</summary>
    public static int NumberOf(string stepId)
    {
        for (var i = 0; i < Numbered.Count; i++)
            if (Numbered[i].Id == stepId) return i + 1;
        return 0;
    }

    /// <summary>How a step is named to the customer ("Step 2 of 5 — …", or the screen's own name), in their language.</summary>
    public static string Describe(LocaleTable t, string stepId) => NumberOf(stepId) is var n and > 0
        ? t.Format(TextId.StepOf, n, t[Numbered[n - 1].Title])
        : stepId switch
        {
            Overview => t[TextId.ScreenOverview],
            Account => t[TextId.ScreenAccount],
            TermCommitment => t[TextId.ScreenTermCommitment],
            ResumeOffer => t[TextId.ScreenResumeOffer],
            _ => stepId,
        };
}
