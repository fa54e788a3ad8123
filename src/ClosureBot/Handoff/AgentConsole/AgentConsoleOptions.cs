using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// Configuration section <c>Support</c>, as far as the agent console reads it: the staff accounts and how sign-in
/// failures are met. No account configured: nobody can sign in, and the console says so on its sign-in page.
/// </summary>
public sealed class AgentConsoleOptions : IValidatableObject
{
    public const string SectionName = "Support";

    public List<AgentAccount> Agents { get; set; } = [];

    /// <summary>Failed sign-ins in a row, for one user name, after which that name is locked out.</summary>
    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked-out user name stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a console session lasts without use (sliding).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LockoutDuration <= TimeSpan.Zero) yield return new ValidationResult("Support:LockoutDuration must be positive.", [nameof(LockoutDuration)]);
        if (SessionIdleTimeout <= TimeSpan.Zero) yield return new ValidationResult("Support:SessionIdleTimeout must be positive.", [nameof(SessionIdleTimeout)]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Agents.Count; i++)
        {
            var agent = Agents[i];
            var key = $"Support:Agents:{i}";
            if (string.IsNullOrWhiteSpace(agent.UserName) || agent.UserName.Length > AgentCredentials.MaxUserNameLength)
                yield return new ValidationResult($"{key}:UserName is required (at most {AgentCredentials.MaxUserNameLength} characters).", [nameof(Agents)]);
            else if (!seen.Add(agent.UserName.Trim()))
                yield return new ValidationResult($"{key}:UserName '{agent.UserName}' is configured twice.", [nameof(Agents)]);
            if (string.IsNullOrWhiteSpace(agent.DisplayName))
                yield return new ValidationResult($"{key}:DisplayName is required (customers see it).", [nameof(Agents)]);
            if (!AgentCredentials.IsPasswordHash(agent.PasswordHash))
                yield return new ValidationResult(
                    $"{key}:PasswordHash is not a hash made by 'dotnet run --project src/ClosureBot -- hash-password'.", [nameof(Agents)]);
        }
    }
}
