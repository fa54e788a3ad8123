namespace ClosureBot.Protocol.Connector;

/// <summary>Settings for replying through the Connector REST API (configuration section <c>Bot</c>).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>Loopback hosts the default allow-list adds in the Development environment only (local emulators and tests).</summary>
    public static readonly IReadOnlyList<string> DevelopmentLoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Hosts a <c>serviceUrl</c> may name. An entry starting with <c>*.</c> matches any subdomain.
    /// Anything else is refused, so a forged activity cannot make the bot post to an arbitrary host.
    /// A list in configuration replaces these defaults rather than adding to them; without one, Development adds
    /// <see cref="DevelopmentLoopbackHosts"/>.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = ["*.botframework.com", "smba.trafficmanager.net"];

    /// <summary>How many times a failed reply (429, 5xx, network error) is retried; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long one attempt to post a reply may take before it is abandoned (and maybe retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long posting one reply may take in all, retries and their back-off included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
