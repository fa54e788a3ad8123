using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff;

/// <summary>The built-in queues with their opening hours.</summary>
public sealed class QueueSchedules(IOptions<SupportOptions> options)
{
    private readonly Dictionary<string, QueueSchedule> _schedules = new[] { HandoffQueues.Support, HandoffQueues.Sales }
        .ToDictionary(q => q, q => new QueueSchedule(q, options.Value.Queues.GetValueOrDefault(q) ?? new HandoffQueueOptions()), StringComparer.Ordinal);

    public bool Knows(string? queue) => queue is not null && _schedules.ContainsKey(queue);

    public QueueSchedule this[string queue] => _schedules[queue];
}
