using ClosureBot.Handoff;
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
    public (string Text, bool Known) Answer(string? question, string? screen)
    {
        var options = support.Value;
        return TopicReader.Read(question, Context(screen)) switch
        {
            KnowledgeTopic.TermCommitment => (ReplyTexts.TermCommitment, true),
            KnowledgeTopic.ServiceTask => (ReplyTexts.ServiceTask(options.ServiceTaskUrl), true),
            KnowledgeTopic.Servers => (ReplyTexts.Servers, true),
            KnowledgeTopic.Services => (ReplyTexts.Services, true),
            KnowledgeTopic.StillBilled => (ReplyTexts.StillBilled, true),
            KnowledgeTopic.FinalInvoice => (ReplyTexts.FinalInvoice(MonthEnd()), true),
            KnowledgeTopic.Alias => (ReplyTexts.Alias(options.PortalUrl), true),
            KnowledgeTopic.RequestToClose => (ReplyTexts.RequestToClose, true),
            KnowledgeTopic.DataRecovery => (ReplyTexts.DataRecovery(options.ServiceTaskUrl), true),
            _ => (ReplyTexts.Unknown(options.Email), false),
        };
    }

    private static KnowledgeTopic[] Context(string? screen) => screen switch
    {
        OffboardingSteps.Overview => [KnowledgeTopic.DataRecovery, KnowledgeTopic.TermCommitment, KnowledgeTopic.RequestToClose],
        OffboardingSteps.Account => [KnowledgeTopic.Alias],
        OffboardingSteps.TermCommitment => [KnowledgeTopic.TermCommitment],
        OffboardingSteps.RetrieveData => [KnowledgeTopic.Servers, KnowledgeTopic.DataRecovery, KnowledgeTopic.ServiceTask],
        OffboardingSteps.DeleteServers => [KnowledgeTopic.Servers, KnowledgeTopic.StillBilled],
        OffboardingSteps.DeleteServices => [KnowledgeTopic.Services, KnowledgeTopic.StillBilled],
        OffboardingSteps.RequestClose => [KnowledgeTopic.RequestToClose, KnowledgeTopic.DataRecovery],
        _ => [KnowledgeTopic.FinalInvoice, KnowledgeTopic.RequestToClose],
    };

    private DateOnly MonthEnd()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateOnly(now.Year, now.Month, DateTime.DaysInMonth(now.Year, now.Month));
    }
}
