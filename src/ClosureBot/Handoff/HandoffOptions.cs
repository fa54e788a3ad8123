namespace ClosureBot.Handoff;

/// <summary>Configuration section <c>Support</c>, the parts about reaching a person: the queues and their opening hours.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Support";

    /// <summary>Opening hours per queue (<see cref="HandoffQueues.Support"/>, <see cref="HandoffQueues.Sales"/>); a queue not listed is always open.</summary>
    public Dictionary<string, HandoffQueueOptions> Queues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Longest message an agent may send, and longest customer message kept in a queue (longer ones are cut).</summary>
    public int MaxMessageLength { get; set; } = 2_000;
}
