using System.Security.Claims;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Turns;

/// <summary>The default <see cref="ITurnContext"/>.</summary>
public sealed class TurnContext(Activity activity, ClaimsIdentity? identity = null) : ITurnContext
{
    private readonly List<Activity> _replies = [];

    /// <inheritdoc />
    public Activity Activity { get; } = activity;

    /// <inheritdoc />
    public ClaimsIdentity? Identity { get; } = identity is { IsAuthenticated: true } ? identity : null;

    /// <inheritdoc />
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<Activity> BufferedReplies => _replies;

    /// <inheritdoc />
    public bool Responded => _replies.Count > 0;

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <inheritdoc />
    public byte[]? SerializedReplies { get; set; }

    /// <inheritdoc />
    public void SendActivity(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        SerializedReplies = null;
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId ??= Activity.ChannelId;
        reply.Conversation ??= Activity.Conversation;
        reply.ServiceUrl ??= Activity.ServiceUrl;
        reply.Locale ??= Activity.Locale;
        reply.From ??= Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = RoleTypes.Bot } : null;
        reply.Recipient ??= Activity.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name } : null;
        if (reply.ReplyToId is null && Activity.RepliesNameIt()) reply.ReplyToId = Activity.Id;
        _replies.Add(reply);
    }

    /// <inheritdoc />
    public void ClearReplies()
    {
        _replies.Clear();
        SerializedReplies = null;
    }
}
