using System.Security.Claims;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>The claims of a console session: who the agent is, and that the console (not a customer sign-in) proved it.</summary>
public static class AgentPrincipal
{
    public const string RoleClaim = "closurebot:role";
    public const string AgentRole = "support-agent";
    private const string NameClaim = "closurebot:agent";
    private const string DisplayNameClaim = "closurebot:agent-name";

    public static ClaimsPrincipal Create(AgentAccount account) => new(new ClaimsIdentity(
    [
        new Claim(NameClaim, account.UserName.Trim()),
        new Claim(DisplayNameClaim, account.DisplayName.Trim()),
        new Claim(RoleClaim, AgentRole),
    ], AgentAuthentication.Scheme, NameClaim, RoleClaim));

    /// <summary>The agent of an authenticated console session; null for any other principal.</summary>
    public static SupportAgent? Of(ClaimsPrincipal? principal)
    {
        if (principal?.Identities.FirstOrDefault(i => i.AuthenticationType == AgentAuthentication.Scheme && i.IsAuthenticated) is not { } identity
            || !identity.HasClaim(RoleClaim, AgentRole)) return null;
        var userName = identity.FindFirst(NameClaim)?.Value;
        var displayName = identity.FindFirst(DisplayNameClaim)?.Value;
        return string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(displayName) ? null : new SupportAgent(userName, displayName);
    }
}
