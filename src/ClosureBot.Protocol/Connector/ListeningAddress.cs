namespace ClosureBot.Protocol.Connector;

/// <summary>The addresses a server reports it listens on (<c>IServerAddressesFeature</c>), read as URIs.</summary>
public static class ListeningAddress
{
    /// <summary>
    /// <paramref name="address"/> as an <c>http</c> or <c>https</c> URI, a wildcard host written <c>+</c> or <c>*</c>
    /// (which <see cref="Uri"/> does not parse) as <c>0.0.0.0</c>; null for anything else, such as a Unix socket
    /// (<c>http://unix:/path</c>), which has no host or port to reach.
    /// </summary>
    public static Uri? Parse(string address) =>
        !address.Contains("://unix:", StringComparison.OrdinalIgnoreCase)
        && Uri.TryCreate(address.Replace("://+:", "://0.0.0.0:").Replace("://*:", "://0.0.0.0:"), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
