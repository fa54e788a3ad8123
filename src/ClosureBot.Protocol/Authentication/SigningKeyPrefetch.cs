using ClosureBot.Protocol.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClosureBot.Protocol.Authentication;

/// <summary>
/// With an app id set, fetches the channel's signing keys as the app starts, in the background, so that the first
/// activity after a start does not wait for the metadata, the key set and a TLS handshake with the issuer (about 0.4 s on
/// this project's test machine), and proves a throwaway token so that the token handler's code is compiled before a
/// customer's turn needs it. A failure is logged: the first request then fetches the keys itself, as it would without this.
/// </summary>
internal sealed class SigningKeyPrefetch(IChannelAuthenticator authenticator, ILogger<SigningKeyPrefetch> logger) : IHostedService
{
    private Task _fetch = Task.CompletedTask;

    /// <summary>The background fetch (complete when there is nothing to fetch), for tests.</summary>
    public Task Fetch => _fetch;

    /// <summary>Why the fetch or the warm-up token's check failed; null when it did not.</summary>
    public Exception? Failure { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (authenticator is ChannelTokenAuthenticator tokens && tokens.ChecksTokens)
            _fetch = Task.Run(async () =>
            {
                try
                {
                    await tokens.PrefetchAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Failure = ex;
                    logger.LogWarning(ex, "The channel's signing keys could not be fetched at start-up; the first activity will fetch them");
                }
            }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
