using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Authentication;

/// <summary>Checks the channel's <c>Authorization</c> header for an inbound activity.</summary>
public interface IChannelAuthenticator
{
    /// <summary>Whether the request may proceed (a refusal is answered 401), and the channel's proven claims.</summary>
    ValueTask<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
