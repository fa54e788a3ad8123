using ClosureBot.Protocol.Activities;

namespace ClosureBot.Channels.Teams;

/// <summary>Posts a message into a conversation the bot took part in, outside any turn (e.g. a support agent's answer).</summary>
public interface IProactiveMessenger
{
    /// <summary>
    /// Sends <paramref name="activity"/> to the conversation <paramref name="conversationKey"/> (<c>{channelId}/{conversationId}</c>)
    /// through its stored conversation reference. Throws <see cref="KeyNotFoundException"/> when no reference is stored.
    /// </summary>
    Task<ResourceResponse> SendAsync(string conversationKey, Activity activity, CancellationToken cancellationToken = default);
}
