using System.Text.Json;
using System.Text.Json.Serialization;
using ClosureBot.Protocol.Serialization;
using Microsoft.Extensions.Options;

namespace ClosureBot.Accounts;

/// <summary>
/// The account inventory kept in a JSON file (the demo inventory by default). The file is parsed again whenever
/// it changes on disk, so editing it simulates deleting resources and "check again" shows the new figures. Whether it
/// changed is looked at most once per <see cref="InventoryOptions.RecheckInterval"/> (monotonic time: a fake app clock in
/// a test must not freeze it).
/// </summary>
public sealed class FileAccountInventory : IAccountInventory
{
    private readonly string _path;
    private readonly long _recheckMilliseconds;
    private volatile Cache? _cache;

    public FileAccountInventory(IOptions<InventoryOptions> options, IHostEnvironment environment)
    {
        _path = Path.GetFullPath(options.Value.FilePath, environment.ContentRootPath);
        _recheckMilliseconds = (long)options.Value.RecheckInterval.TotalMilliseconds;
        if (!File.Exists(_path)) throw new FileNotFoundException($"Inventory:FilePath names a file that does not exist: {_path}", _path);
        Load(); // a malformed file fails start-up, not a customer's turn
    }

    public Task<AccountSnapshot?> FindAsync(string alias, CancellationToken cancellationToken) =>
        Task.FromResult(Load().Accounts.GetValueOrDefault(alias.Trim()));

    public Task<IReadOnlyList<AccountSnapshot>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccountSnapshot>>(Load().Accounts.Values.ToList());

    private Cache Load()
    {
        var cache = _cache;
        var now = Environment.TickCount64;
        if (cache is not null && _recheckMilliseconds > 0 && now - cache.CheckedAt < _recheckMilliseconds) return cache;
        var info = new FileInfo(_path);
        if (cache is not null && cache.LastWrite == info.LastWriteTimeUtc && cache.Length == info.Length)
        {
            cache.CheckedAt = now;
            return cache;
        }

        InventoryFile? file;
        try
        {
            using var stream = File.OpenRead(_path);
            file = JsonSerializer.Deserialize<InventoryFile>(stream, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The inventory file {_path} is not valid: {ex.Message}", ex);
        }
        var accounts = (file?.Accounts ?? []).ToDictionary(a => a.Alias, ToSnapshot, StringComparer.OrdinalIgnoreCase);
        cache = new Cache(info.LastWriteTimeUtc, info.Length, accounts) { CheckedAt = now };
        _cache = cache;
        return cache;
    }

    private static AccountSnapshot ToSnapshot(AccountEntry a) => new(
        a.Alias.ToUpperInvariant(),
        a.Name ?? a.Alias,
        a.TermCommitment switch
        {
            null => TermCommitment.Unknown,
            { OnRecord: false } => TermCommitment.None,
            { EndsOn: var endsOn } => new TermCommitment(TermCommitmentStatus.OnRecord, endsOn),
        },
        (a.Servers ?? []).Select(s => new Server(s.Name, s.Kind, s.State, s.DataCenter ?? "")).ToList(),
        (a.Services ?? []).Select(s => new BilledService(s.Kind, s.Name, s.Location ?? "")).ToList());

    private sealed record Cache(DateTime LastWrite, long Length, Dictionary<string, AccountSnapshot> Accounts)
    {
        /// <summary>When the file was last found unchanged (<see cref="Environment.TickCount64"/>); written racily, harmlessly.</summary>
        public long CheckedAt { get; set; }
    }

    private sealed record InventoryFile(List<AccountEntry>? Accounts);

    private sealed record AccountEntry(string Alias, string? Name, CommitmentEntry? TermCommitment, List<ServerEntry>? Servers, List<ServiceEntry>? Services);

    /// <summary>
    /// Absent or null: the record does not know. <c>{"onRecord": false}</c>: known to have none.
    /// <c>{"endsOn": "2027-06-30"}</c> (or <c>"onRecord": true</c>): a commitment on record.
    /// </summary>
    private sealed record CommitmentEntry(bool? OnRecord, DateOnly? EndsOn);

    private sealed record ServerEntry(
        string Name,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ServerKind>))] ServerKind Kind,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ServerState>))] ServerState State,
        string? DataCenter);

    private sealed record ServiceEntry(string Kind, string Name, string? Location);
}
