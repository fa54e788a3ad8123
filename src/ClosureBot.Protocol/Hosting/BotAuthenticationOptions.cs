namespace ClosureBot.Protocol.Hosting;

/// <summary>The bot's identity and its messaging endpoint (configuration section <c>Bot</c>).</summary>
/// <remarks>
/// Without an app id, <c>/api/messages</c> accepts unauthenticated requests, and only in the Development environment
/// and only from loopback; outside Development the app refuses to start without an app id unless the endpoint is
/// switched off (<see cref="MessagesEndpointEnabled"/> false: web chat alone).
/// </remarks>
public sealed class BotAuthenticationOptions
{
    /// <summary>The Microsoft App ID. Empty means local-development mode (Development environment, loopback callers only).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Whether <c>POST /api/messages</c> answers at all; false leaves only the app's own channels (web chat).</summary>
    public bool MessagesEndpointEnabled { get; set; } = true;

    /// <summary>True when no app id is configured, so requests carry no channel token.</summary>
    public bool IsLocalDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
