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
    /// <summary>The answer to <paramref name="question"/> asked at <paramref name="screen"/> (null when idle); <c>Known</c> false when there is none.</summary>
    public (string Text, bool Known) Answer(CustomerLocale locale, string? question, string? screen)
    {
        var options = support.Value;
        var t = locale.Texts;
        var topic = TopicReader.Read(question, Context(screen)) ?? (TopicReader.IsAboutWhatWasSaid(question) ? Subject(screen) : null);
        return topic switch
        {
            KnowledgeTopic.TermCommitment => (t[TextId.KbTermCommitment], true),
            KnowledgeTopic.ServiceTask => (t.Format(TextId.KbServiceTask, options.ServiceTaskUrl), true),
            KnowledgeTopic.Servers => (t[TextId.KbServers], true),
            KnowledgeTopic.Services => (t[TextId.KbServices], true),
            KnowledgeTopic.StillBilled => (t[TextId.KbStillBilled], true),
            KnowledgeTopic.FinalInvoice => (t.Format(TextId.KbFinalInvoice, t.Date(locale.MonthEnd(time.GetUtcNow()))), true),
            KnowledgeTopic.Alias => (t.Format(TextId.KbAlias, options.PortalUrl), true),
            KnowledgeTopic.RequestToClose => (t[TextId.KbRequestToClose], true),
            KnowledgeTopic.DataRecovery => (t.Format(TextId.KbDataRecovery, options.ServiceTaskUrl), true),
            KnowledgeTopic.Duration => (t[TextId.KbDuration], true),
            KnowledgeTopic.RetrieveData => (t.Format(TextId.KbRetrieveData, options.ServiceTaskUrl), true),
            KnowledgeTopic.Reference => (t[TextId.KbReference], true),
            KnowledgeTopic.ClosingCost => (t.Format(TextId.KbClosingCost, options.ServiceTaskUrl), true),
            KnowledgeTopic.DeleteResources => (t.Format(TextId.KbDeleteResources, options.PortalUrl, options.ApiDocsUrl), true),
            _ => (t.Format(TextId.KbUnknown, options.Email), false),
        };
    }

    private static KnowledgeTopic[] Context(string? screen) => screen switch
    {
        OffboardingSteps.Overview => [KnowledgeTopic.DataRecovery, KnowledgeTopic.TermCommitment, KnowledgeTopic.RequestToClose],
        OffboardingSteps.Account => [KnowledgeTopic.Alias],
        OffboardingSteps.TermCommitment => [KnowledgeTopic.TermCommitment],
        OffboardingSteps.RetrieveData => [KnowledgeTopic.RetrieveData, KnowledgeTopic.Servers, KnowledgeTopic.DataRecovery, KnowledgeTopic.ServiceTask],
        // "Can you do it for me?" at these two steps is about deleting: their own topic comes first.
        OffboardingSteps.DeleteServers => [KnowledgeTopic.DeleteResources, KnowledgeTopic.Servers, KnowledgeTopic.StillBilled],
        OffboardingSteps.DeleteServices => [KnowledgeTopic.DeleteResources, KnowledgeTopic.Services, KnowledgeTopic.StillBilled],
        OffboardingSteps.RequestClose => [KnowledgeTopic.RequestToClose, KnowledgeTopic.DataRecovery],
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
