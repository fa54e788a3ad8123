using ClosureBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Hosting;

/// <summary>
/// Accepts unauthenticated requests only while no <c>Bot:MicrosoftAppId</c> is configured (the local-development
/// mode of every Bot Framework bot, which <see cref="BotEndpoint"/> further limits to loopback callers and the
/// Development environment refuses to leave). With an app id but no token validator registered it refuses everything,
/// so configuring an identity can never silently leave the endpoint open.
/// </summary>
public sealed class LocalDevelopmentAuthenticator(IOptions<BotAuthenticationOptions> options) : IChannelAuthenticator
{
    /// <inheritdoc />
    public ValueTask<string?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(string.IsNullOrWhiteSpace(options.Value.MicrosoftAppId)
            ? null
            : "Bot:MicrosoftAppId is set but no channel token validator is registered.");
}
