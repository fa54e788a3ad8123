namespace ClosureBot.Handoff.AgentConsole;

/// <summary>One support agent who may sign in to the console: <c>Support:Agents:N:*</c>.</summary>
public sealed class AgentAccount
{
    /// <summary>The sign-in name, unique regardless of case; what the audit trail records.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The name customers see ("You're talking to Dana from support").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>ASP.NET Core's password hash (format 3, PBKDF2), made by <c>dotnet run --project src/ClosureBot -- hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";
}
