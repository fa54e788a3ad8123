using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Turns;

/// <summary>What a processed turn produced.</summary>
/// <param name="Replies">Every reply of the turn, in order.</param>
/// <param name="InvokeResponse">The invoke answer, for invoke activities.</param>
/// <param name="Delivered">True when the replies were handed to a transport rather than returned.</param>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse, bool Delivered)
{
    /// <summary>The replies already serialized as a JSON array (see <see cref="ITurnContext.SerializedReplies"/>), if the turn did so.</summary>
    public byte[]? SerializedReplies { get; init; }
}
