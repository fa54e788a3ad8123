using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ClosureBot.Protocol.Authentication;

/// <summary>
/// The signing keys of one OpenID metadata document, with each key's channel <c>endorsements</c>: fetched on first
/// use, fetched again after <c>refreshInterval</c>, and early when a token names a key id not in the set (a key
/// rotation), but not more often than <c>minimumRefreshInterval</c> so unknown ids cannot make the bot hammer the issuer.
/// A failed refresh keeps the keys it had.
/// </summary>
internal sealed class OpenIdKeySource(string metadataUrl, Func<HttpClient> http, TimeProvider clock,
    TimeSpan refreshInterval, TimeSpan minimumRefreshInterval)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySet? _current;

    /// <summary>Keys by reference, each with the channel ids it endorses (empty when the document lists none).</summary>
    public sealed record KeySet(IReadOnlyDictionary<SecurityKey, IReadOnlySet<string>> Keys, IReadOnlySet<string> KeyIds, DateTimeOffset FetchedAt);

    /// <summary>The current keys, refreshed first when they are stale or lack <paramref name="keyId"/>.</summary>
    public async Task<KeySet> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !NeedsRefresh(current, keyId)) return current;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _current;
            if (current is not null && !NeedsRefresh(current, keyId)) return current;
            try
            {
                _current = current = await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (current is not null && !cancellationToken.IsCancellationRequested)
            {
                // The issuer is unreachable: the keys we have are still the best answer; try again after the minimum interval.
                _current = current = current with { FetchedAt = clock.GetUtcNow() - refreshInterval + minimumRefreshInterval };
            }
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool NeedsRefresh(KeySet keys, string? keyId)
    {
        var age = clock.GetUtcNow() - keys.FetchedAt;
        return age >= refreshInterval || (keyId is not null && !keys.KeyIds.Contains(keyId) && age >= minimumRefreshInterval);
    }

    private async Task<KeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var retriever = new HttpDocumentRetriever(http()) { RequireHttps = true };
        // The retriever does not pass the token on to its HTTP requests, so a caller that gives up (a request whose client
        // left, the app stopping) would wait for the client's timeout: it stops waiting here, and the request it leaves
        // ends by that timeout.
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, cancellationToken)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var keys = new Dictionary<SecurityKey, IReadOnlySet<string>>(ReferenceEqualityComparer.Instance);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            keys[key] = Endorsements(key);
            if (key.Kid is { } kid) ids.Add(kid);
        }
        if (keys.Count == 0) throw new InvalidOperationException($"The OpenID metadata at {metadataUrl} lists no signing keys.");
        return new KeySet(keys, ids, clock.GetUtcNow());
    }

    // The Bot Connector's JWKS extends each key with "endorsements": the channel ids the key may sign for.
    private static HashSet<string> Endorsements(JsonWebKey key)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!key.AdditionalData.TryGetValue("endorsements", out var value)) return result;
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String) result.Add(item.GetString()!);
                break;
            case System.Collections.IEnumerable items and not string:
                foreach (var item in items)
                    if (item is string s) result.Add(s);
                    else if (item is JsonElement { ValueKind: JsonValueKind.String } e) result.Add(e.GetString()!);
                break;
        }
        return result;
    }
}
