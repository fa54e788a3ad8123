using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Hosting;

/// <summary>Checks the channel's <c>Authorization</c> header for an inbound activity.</summary>
public interface IChannelAuthenticator
{
    /// <summary>Null when the request may proceed, otherwise the reason it is refused (answered 401).</summary>
    ValueTask<string?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
