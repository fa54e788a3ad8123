namespace ClosureBot.Protocol.Hosting;

/// <summary>The bot's identity (configuration section <c>Bot</c>).</summary>
public sealed class BotAuthenticationOptions
{
    /// <summary>The Microsoft App ID. Empty means local-development mode: unauthenticated requests are accepted.</summary>
    public string? MicrosoftAppId { get; set; }
}
