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

    /// <summary>The channel's identity for this turn; null when the request carried no token (local development).</summary>
    public static ClaimsIdentity? Of(ITurnContext context) =>
        context.TurnState.TryGetValue(TurnStateKey, out var value) ? value as ClaimsIdentity : null;
}
