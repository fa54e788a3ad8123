namespace ClosureBot.Closure;

/// <summary>Configuration section <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The key callers of the admin API send in <c>X-Api-Key</c>. Empty: the admin API refuses every call.</summary>
    public string? ApiKey { get; set; }
}
