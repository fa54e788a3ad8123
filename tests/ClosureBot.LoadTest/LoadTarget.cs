namespace ClosureBot.LoadTest;

/// <summary>What one row measures: ClosureBot on SQLite, on PostgreSQL (one or more instances), the bare floor, or the SDK peer.</summary>
public sealed record LoadTarget(string Label, LoadTargetKind Kind, int Instances = 1)
{
    public const string PeerLabel = "SDK peer";
    public const string FloorLabel = "bare floor";

    public bool IsPeer => Kind == LoadTargetKind.Peer;

    /// <summary>ClosureBot itself, on a store of its own that can be seeded; the floor and the peer are neither.</summary>
    public bool IsOurs => Kind is LoadTargetKind.Sqlite or LoadTargetKind.Postgres;

    /// <summary>The rows of a <c>--start</c> run, in the order they are measured and printed.</summary>
    public static IReadOnlyList<LoadTarget> For(LoadOptions options)
    {
        var targets = new List<LoadTarget> { new("ours SQLite", LoadTargetKind.Sqlite) };
        if (options.Postgres is not null)
        {
            targets.Add(new("ours PostgreSQL", LoadTargetKind.Postgres));
            if (options.Instances > 1) targets.Add(new($"ours PostgreSQL ×{options.Instances}", LoadTargetKind.Postgres, options.Instances));
        }
        if (options.Floor) targets.Add(new(FloorLabel, LoadTargetKind.Floor));
        if (options.Peer) targets.Add(new(PeerLabel, LoadTargetKind.Peer));
        return targets;
    }
}
