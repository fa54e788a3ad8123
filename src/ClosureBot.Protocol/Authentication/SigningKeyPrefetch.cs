using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClosureBot.Protocol.Authentication;

/// <summary>
/// With an app id set, fetches the channel's signing keys as the app starts, in the background, so that the first
/// activity after a start does not wait for the metadata, the key set and a TLS handshake with the issuer (about 0.4 s on
/// this project's test machine), and proves a throwaway token so that the token handler's code is compiled before a
/// customer's turn needs it. A failure is logged: the first request then fetches the keys itself, as it would without this.
/// Stopping the app cancels a fetch still under way.
/// </summary>
internal sealed class SigningKeyPrefetch(IChannelAuthenticator authenticator, ILogger<SigningKeyPrefetch> logger) : BackgroundService
{
    /// <summary>The background fetch (complete when there is nothing to fetch), for tests.</summary>
    public Task Fetch => ExecuteTask ?? Task.CompletedTask;

    /// <summary>Why the fetch or the warm-up token's check failed; null when it did not, or when the app stopped first.</summary>
    public Exception? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (authenticator is not ChannelTokenAuthenticator { ChecksTokens: true } tokens) return;
        try
        {
            await tokens.PrefetchAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Failure = ex;
            logger.LogWarning(ex, "The channel's signing keys could not be fetched at start-up; the first activity will fetch them");
        }
    }
}
