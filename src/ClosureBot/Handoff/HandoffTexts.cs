namespace ClosureBot.Handoff;

/// <summary>What the bot says about queues and people.</summary>
public static class HandoffTexts
{
    public const string LeaveQueueButton = "Leave the queue";

    public static string Queued(QueueSchedule queue, int position) =>
        $"I've asked our {queue.DisplayName} team to join this chat. You're number {position} in the queue, and the next free " +
        $"person will answer here. Anything you write now goes to them. If you'd rather carry on with me, say \"cancel\": I've kept your place.";

    public static string Closed(QueueSchedule queue, string opening) =>
        $"Our {queue.DisplayName} team answers {queue.Describe()}, so nobody can reply right now. The next person will be with you " +
        $"from {opening}. You can leave a message here: it waits in the queue and they'll read it first. Or say \"cancel\" to " +
        "carry on with me: I've kept your place.";

    public const string OtherWays = "You can also reach our support team these ways.";

    public static string PassedOn(int? position) => position is { } n
        ? $"I've passed that on. You're number {n} in the queue."
        : "I've passed that on.";

    public static string MessageLeft(string opening) =>
        $"Thanks, your message waits in the queue. Someone will answer from {opening}.";

    public const string Left = "You've left the queue. Let's carry on where we were.";

    public static string Joined(string? agentName, QueueSchedule queue) =>
        agentName is { Length: > 0 } name ? $"You're now talking to {name} from {queue.DisplayName}." : $"You're now talking to a person from {queue.DisplayName}.";

    public const string Failed = "Sorry, I couldn't connect you with a person this time. Let's carry on where we were; you can ask for support again at any time.";

    public const string Completed = "Welcome back, it's ClosureBot again. Let's carry on where we were.";

    public static string HandedBack(string agentName) => $"Hi again, it's ClosureBot. {agentName} has handed you back to me.";
}
