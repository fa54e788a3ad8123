using System.Security.Claims;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Handoff;

/// <summary>
/// The identity the desk attaches, in-process, to the turns it runs for an agent. Its authentication type is one no
/// channel produces (channels pass customer identities of their own proofs, or none), and it carries no customer claim,
/// so it never counts as a verified customer.
/// </summary>
public static class HandoffDeskIdentity
{
    public const string AuthenticationType = "closurebot-handoff-desk";
    private const string UserNameClaim = "closurebot/agent-user";
    private const string DisplayNameClaim = "closurebot/agent-name";

    public static ClaimsIdentity Create(SupportAgent agent) => new(
        [new Claim(UserNameClaim, agent.UserName), new Claim(DisplayNameClaim, agent.DisplayName)], AuthenticationType);

    /// <summary>The agent this turn runs for; null for every turn a channel started.</summary>
    public static SupportAgent? Of(ITurnContext context) =>
        context.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType } identity
        && identity.FindFirst(UserNameClaim)?.Value is { Length: > 0 } user
            ? new SupportAgent(user, identity.FindFirst(DisplayNameClaim)?.Value ?? user)
            : null;
}
