using ClosureBot.Handoff;
using ClosureBot.Localization;
using ClosureBot.Understanding;
using Microsoft.Extensions.Options;

namespace ClosureBot.Offboarding;

/// <summary>
/// Answers a customer's question from the article and the support facts, in the context of the screen they stand at:
/// the screen's own topics win when a question could be about several. An unknown question gets an honest answer.
/// </summary>
public sealed class KnowledgeBase(IOptions<SupportOptions> support, TimeProvider time)
{
    /// <summary>
    /// The answer to <paramref name="question"/> asked at <paramref name="screen"/> (null when idle, <see cref="OffboardingSteps.SentToSales"/>
    /// after the customer was sent to sales); <c>Topic</c> null when there is none.
    /// </summary>
    public (string Text, KnowledgeTopic? Topic) Answer(CustomerLocale locale, string? question, string? screen)
    {
        var options = support.Value;
        var t = locale.Texts;
        var topic = TopicReader.Read(question, Context(screen)) ?? (TopicReader.IsAboutWhatWasSaid(question) ? Subject(screen) : null);
        var text = topic switch
        {
            KnowledgeTopic.TermCommitment => t[TextId.KbTermCommitment],
            KnowledgeTopic.ServiceTask => t.Format(TextId.KbServiceTask, options.ServiceTaskUrl),
            KnowledgeTopic.Servers => t[TextId.KbServers],
            KnowledgeTopic.Services => t[TextId.KbServices],
            KnowledgeTopic.StillBilled => t[TextId.KbStillBilled],
            KnowledgeTopic.FinalInvoice => t.Format(TextId.KbFinalInvoice, t.Date(locale.MonthEnd(time.GetUtcNow()))),
            KnowledgeTopic.Alias => t.Format(TextId.KbAlias, options.PortalUrl),
            KnowledgeTopic.RequestToClose => t[TextId.KbRequestToClose],
            KnowledgeTopic.DataRecovery => t.Format(TextId.KbDataRecovery, options.ServiceTaskUrl),
            KnowledgeTopic.DataAfterClosing => t.Format(TextId.KbDataAfterClosing, options.ServiceTaskUrl),
            KnowledgeTopic.Duration => t[TextId.KbDuration],
            KnowledgeTopic.RetrieveData => t.Format(TextId.KbRetrieveData, options.ServiceTaskUrl),
            KnowledgeTopic.Reference => t[TextId.KbReference],
            KnowledgeTopic.ClosingCost => t.Format(TextId.KbClosingCost, options.ServiceTaskUrl),
            KnowledgeTopic.DeleteResources => t.Format(TextId.KbDeleteResources, options.PortalUrl, options.ApiDocsUrl),
            KnowledgeTopic.SalesContact => t[TextId.KbSalesContact],
            KnowledgeTopic.AboutTheBot => t[TextId.KbAboutTheBot],
            KnowledgeTopic.Steps => t.Format(TextId.KbSteps, t[TextId.StepRetrieveData], t[TextId.StepDeleteServers], t[TextId.StepDeleteServices],
                t[TextId.StepRequestClose], t[TextId.StepFinalInvoice]),
            _ => t.Format(TextId.KbUnknown, options.Email),
        };
        return (text, topic);
    }

    private static KnowledgeTopic[] Context(string? screen) => screen switch
    {
        OffboardingSteps.Overview => [KnowledgeTopic.DataRecovery, KnowledgeTopic.TermCommitment, KnowledgeTopic.RequestToClose],
        OffboardingSteps.Account => [KnowledgeTopic.Alias],
        OffboardingSteps.TermCommitment => [KnowledgeTopic.TermCommitment, KnowledgeTopic.SalesContact],
        // "How do I contact them?" after being sent to the sales representative.
        OffboardingSteps.SentToSales => [KnowledgeTopic.SalesContact, KnowledgeTopic.TermCommitment],
        OffboardingSteps.RetrieveData => [KnowledgeTopic.RetrieveData, KnowledgeTopic.Servers, KnowledgeTopic.DataRecovery, KnowledgeTopic.ServiceTask],
        // "Can you do it for me?" at these two steps is about deleting: their own topic comes first.
        OffboardingSteps.DeleteServers => [KnowledgeTopic.DeleteResources, KnowledgeTopic.Servers, KnowledgeTopic.StillBilled],
        OffboardingSteps.DeleteServices => [KnowledgeTopic.DeleteResources, KnowledgeTopic.Services, KnowledgeTopic.StillBilled],
        // "Where do I find it?" at the typed confirmation: the alias (the Request to close link is under Account → Info too).
        OffboardingSteps.RequestClose => [KnowledgeTopic.RequestToClose, KnowledgeTopic.Alias, KnowledgeTopic.DataRecovery],
        _ => [KnowledgeTopic.FinalInvoice, KnowledgeTopic.RequestToClose],
    };

    // What "that" is in "what's that?" at each screen: the thing its question is about. The overview and the resume
    // offer ask about no one thing, so there the question stays unanswered (and support is offered).
    private static KnowledgeTopic? Subject(string? screen) => screen switch
    {
        OffboardingSteps.Account => KnowledgeTopic.Alias,
        OffboardingSteps.TermCommitment => KnowledgeTopic.TermCommitment,
        OffboardingSteps.RetrieveData => KnowledgeTopic.RetrieveData,
        OffboardingSteps.DeleteServers => KnowledgeTopic.Servers,
        OffboardingSteps.DeleteServices => KnowledgeTopic.Services,
        OffboardingSteps.RequestClose => KnowledgeTopic.RequestToClose,
        OffboardingSteps.FinalInvoice => KnowledgeTopic.FinalInvoice,
        _ => null,
    };
}
