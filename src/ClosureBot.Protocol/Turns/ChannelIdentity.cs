using System.Security.Claims;

namespace ClosureBot.Protocol.Turns;

/// <summary>
/// The channel's (Bot Connector's or Emulator's) validated token claims for a turn. They prove which service sent the
/// activity, not who the customer is: that is <see cref="ITurnContext.Identity"/>, and the two are never mixed.
/// </summary>
public static class ChannelIdentity
{
    /// <summary>The <see cref="ITurnContext.TurnState"/> key under which the channel's <see cref="ClaimsIdentity"/> is kept.</summary>
    public const string TurnStateKey = "ClosureBot.ChannelIdentity";

    /// <summary>
    /// The authentication type of the identity a Bot Connector channel token proves: its signing key endorses the
    /// activity's <c>channelId</c> and its <c>serviceurl</c> claim names the activity's <c>serviceUrl</c>.
    /// </summary>
    public const string ConnectorAuthenticationType = "BotConnector";

    /// <summary>The authentication type of the identity an Emulator token proves: this bot's app id, and no channel.</summary>
    public const string EmulatorAuthenticationType = "BotFrameworkEmulator";

    /// <summary>The channel's identity for this turn; null when the request carried no token (local development).</summary>
    public static ClaimsIdentity? Of(ITurnContext context) =>
        context.TurnState.TryGetValue(TurnStateKey, out var value) ? value as ClaimsIdentity : null;

    /// <summary>
    /// The channel the Bot Connector vouched for in this turn's own request: the activity's <c>channelId</c>, when a
    /// Connector channel token (whose signing key endorses that channel) authenticated it. Null for an Emulator token, a
    /// request without a token, and a turn that did not come through the messaging endpoint (Direct Line, in-process).
    /// </summary>
    public static string? ConnectorChannelOf(ITurnContext context) =>
        Of(context) is { IsAuthenticated: true, AuthenticationType: ConnectorAuthenticationType } && context.Activity.ChannelId is { Length: > 0 } channel
            ? channel
            : null;
}
