using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>What the bot says about queues and people, in the customer's language (texts in <c>Localization/Tables</c>).</summary>
public static class HandoffTexts
{
    public static string Queued(LocaleTable t, QueueSchedule queue, int position) => t.Format(TextId.Queued, queue.Name(t), position);

    public static string Closed(LocaleTable t, QueueSchedule queue, string opening) =>
        t.Format(TextId.QueueClosed, queue.Name(t), queue.Describe(t), opening);

    public static string PassedOn(LocaleTable t, int? position) => position is { } n ? t.Format(TextId.PassedOnPosition, n) : t[TextId.PassedOn];

    public static string Joined(LocaleTable t, string? agentName, QueueSchedule queue) =>
        agentName is { Length: > 0 } name ? t.Format(TextId.JoinedNamed, name, queue.Name(t)) : t.Format(TextId.Joined, queue.Name(t));
}
