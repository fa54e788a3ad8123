namespace ClosureBot.Handoff.AgentConsole;

/// <summary>What came of a sign-in attempt: the agent, or why not (never which of name or password was wrong).</summary>
public sealed record SignInResult(AgentAccount? Agent, DateTimeOffset? LockedUntil)
{
    public static readonly SignInResult Refused = new(null, null);

    public bool Succeeded => Agent is not null;
}
