using System.Security.Claims;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Identity;

/// <summary>
/// A channel that can vouch for the person behind a turn from what it proved in the same request (e.g. Teams, whose
/// validated channel token covers the activity's <c>from.aadObjectId</c>). Consulted when the turn carries no
/// <see cref="ITurnContext.Identity"/> of its own.
/// </summary>
public interface IChannelIdentitySource
{
    /// <summary>The customer's identity built with <see cref="CustomerClaims.Create"/>, or null when this channel proves nothing here.</summary>
    ClaimsIdentity? Prove(ITurnContext context);
}
