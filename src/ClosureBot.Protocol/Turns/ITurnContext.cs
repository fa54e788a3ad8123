using System.Security.Claims;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Turns;

/// <summary>
/// One turn: the incoming activity and where its replies go. Replies are buffered and flushed after the
/// turn completes, so the bot's state is saved before the customer sees an answer.
/// </summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>
    /// The person behind the activity as a credential checked in this same request vouches for them (a portal
    /// assertion, a sign-in, a channel token); null when nothing was proven. Never built from <c>from.id</c> or state.
    /// </summary>
    ClaimsIdentity? Identity { get; }

    /// <summary>Per-turn values shared by middleware and the bot.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>Replies queued so far in this turn.</summary>
    IReadOnlyList<Activity> BufferedReplies { get; }

    /// <summary>Whether the bot sent any reply this turn.</summary>
    bool Responded { get; }

    /// <summary>The answer to an invoke activity; null until the bot sets one.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// The buffered replies serialized as a JSON array with the protocol's options, when the bot serialized them anyway
    /// (e.g. to store them): the endpoint then sends these bytes instead of serializing again. Any change to the
    /// replies clears it.
    /// </summary>
    byte[]? SerializedReplies { get; set; }

    /// <summary>Queues a reply; missing addressing fields are filled from the incoming activity.</summary>
    void SendActivity(Activity activity);

    /// <summary>Drops the queued replies (a turn that will be retried from scratch).</summary>
    void ClearReplies();
}
