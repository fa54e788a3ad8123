namespace ClosureBot.Handoff;

/// <summary>One queue's opening hours (<c>Support:Queues:{queue}</c>): when people answer it.</summary>
public sealed class HandoffQueueOptions
{
    /// <summary>What the customer is told they talk to ("support", "sales").</summary>
    public string? DisplayName { get; set; }

    /// <summary>Daily opening hours, <c>HH:mm-HH:mm</c> in <see cref="TimeZone"/>; <c>00:00-24:00</c> is all day.</summary>
    public string Hours { get; set; } = "00:00-24:00";

    /// <summary>An IANA (or Windows) time zone id.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The days the queue opens; empty means every day.</summary>
    public DayOfWeek[] Days { get; set; } = [];
}
