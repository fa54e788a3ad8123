namespace ClosureBot.Protocol.Connector;

/// <summary>Settings for replying through the Connector REST API (configuration section <c>Bot</c>).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>
    /// Hosts a <c>serviceUrl</c> may name. An entry starting with <c>*.</c> matches any subdomain.
    /// Anything else is refused, so a forged activity cannot make the bot post to an arbitrary host.
    /// A list in configuration replaces these defaults rather than adding to them.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } =
        ["*.botframework.com", "smba.trafficmanager.net", "localhost", "127.0.0.1", "[::1]"];

    /// <summary>How many times a failed reply (429, 5xx, network error) is retried; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;
}
