namespace ClosureBot.Accounts;

/// <summary>What an account holds right now: the figures every step card shows.</summary>
public sealed record AccountSnapshot(
    string Alias,
    string Name,
    TermCommitment TermCommitment,
    IReadOnlyList<Server> Servers,
    IReadOnlyList<BilledService> Services)
{
    /// <summary>Remaining resources per kind, for receipts and progress cards.</summary>
    public IReadOnlyDictionary<string, int> CountsByKind()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["servers"] = Servers.Count };
        foreach (var kind in ServiceKinds.All) counts[kind] = Services.Count(s => s.Kind == kind);
        return counts;
    }
}

/// <summary>What the account record knows of a cloud term commitment.</summary>
public sealed record TermCommitment(TermCommitmentStatus Status, DateOnly? EndsOn = null)
{
    public static readonly TermCommitment Unknown = new(TermCommitmentStatus.Unknown);
    public static readonly TermCommitment None = new(TermCommitmentStatus.None);
}

/// <summary>Whether the record shows a commitment, shows there is none, or does not know (then the customer is asked).</summary>
public enum TermCommitmentStatus { Unknown, None, OnRecord }

/// <summary>A virtual or bare-metal server.</summary>
public sealed record Server(string Name, ServerKind Kind, ServerState State, string DataCenter);

/// <summary>Virtual machine or bare metal.</summary>
public enum ServerKind { Virtual, BareMetal }

/// <summary>Power state; every one of them still holds data and may still cost money.</summary>
public enum ServerState { Running, Stopped, Paused, Archived }

/// <summary>A service with an hourly or monthly charge.</summary>
public sealed record BilledService(string Kind, string Name, string Location);
