using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Handoff;

/// <summary>
/// The last few lines of a conversation (text only, bounded), kept in its state for channels whose transcript the bot
/// cannot read back (the Connector channels), so a handoff can carry what the customer and the bot said.
/// </summary>
public sealed class RecentActivities
{
    public const int MaxLines = 12;
    public const int MaxTextLength = 280;

    public List<RecentLine> Lines { get; set; } = [];

    /// <summary>Adds the turn's incoming message and the bot's replies.</summary>
    public void Record(ITurnContext context, DateTimeOffset now)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Message) Add(RoleTypes.User, activity.Text ?? (activity.Value is null ? null : "(clicked a button)"), now);
        foreach (var reply in context.BufferedReplies)
            if (reply.Type == ActivityTypes.Message) Add(RoleTypes.Bot, reply.Text ?? reply.Speak, now);
    }

    /// <summary>The lines as transcript activities (<c>{type, from.role, text, timestamp}</c>).</summary>
    public IReadOnlyList<Activity> ToActivities() => Lines.Select(l => new Activity
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Role = l.From },
        Text = l.Text,
        Timestamp = l.At,
    }).ToList();

    private void Add(string from, string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        Lines.Add(new RecentLine(from, text.Length > MaxTextLength ? text[..MaxTextLength] + "…" : text, now));
        if (Lines.Count > MaxLines) Lines.RemoveRange(0, Lines.Count - MaxLines);
    }
}

/// <summary>One line of <see cref="RecentActivities"/>: <c>user</c> or <c>bot</c>, what was said, when.</summary>
public sealed record RecentLine(string From, string Text, DateTimeOffset At);
