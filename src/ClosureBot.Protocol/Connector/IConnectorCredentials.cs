namespace ClosureBot.Protocol.Connector;

/// <summary>The bearer token the bot presents to the Connector.</summary>
public interface IConnectorCredentials
{
    /// <summary>The access token, or null when the bot has no app id (local development: no <c>Authorization</c> header).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
