namespace ClosureBot.Handoff;

/// <summary>Configuration section <c>Support</c>: how customers reach a person, and the queues people answer.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    public string Email { get; set; } = "help@ctl.io";
    public string? Phone { get; set; }

    /// <summary>How the contact card words the team's reachability (the queues' own hours are in <see cref="Queues"/>).</summary>
    public string Hours { get; set; } = "24 hours a day, 7 days a week";
    public string PortalUrl { get; set; } = "https://control.ctl.io/";
    public string ServiceTaskUrl { get; set; } = "https://www.ctl.io/service-tasks/";

    /// <summary>The API documentation an answer about deleting servers and services points to.</summary>
    public string ApiDocsUrl { get; set; } = "https://www.ctl.io/api-docs/v2/";

    /// <summary>Opening hours per queue (<see cref="HandoffQueues.Support"/>, <see cref="HandoffQueues.Sales"/>); a queue not listed is always open.</summary>
    public Dictionary<string, HandoffQueueOptions> Queues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Longest message an agent may send, and longest customer message kept in a queue (longer ones are cut).</summary>
    public int MaxMessageLength { get; set; } = 2_000;

    /// <summary>
    /// The contact-center channels (channel ids) whose <c>handoff.status</c> events move a ticket, and only when the Bot
    /// Connector's channel token proved the request on <c>/api/messages</c>. Empty: no channel drives a handoff.
    /// </summary>
    public List<string> HandoffStatusChannels { get; set; } = [];
}
