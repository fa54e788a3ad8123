using ClosureBot.Accounts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Accounts;

public sealed class FileAccountInventoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inventory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnEditIsSeenOnTheNextRead_WhenTheFileIsLookedAtEveryTime()
    {
        var inventory = Create(TimeSpan.Zero, servers: 2);
        Assert.Equal(2, (await inventory.FindAsync("acme", CancellationToken.None))!.Servers.Count);

        Write(servers: 0);

        Assert.Empty((await inventory.FindAsync("acme", CancellationToken.None))!.Servers);
    }

    [Fact]
    public async Task WithinTheRecheckInterval_TheFileIsNotLookedAtAgain()
    {
        var inventory = Create(TimeSpan.FromMinutes(1), servers: 2);
        Assert.Equal(2, (await inventory.FindAsync("ACME", CancellationToken.None))!.Servers.Count);

        Write(servers: 0);

        // Within a minute of the last look the cached inventory answers, without a file-status call.
        Assert.Equal(2, (await inventory.FindAsync("ACME", CancellationToken.None))!.Servers.Count);
    }

    [Fact]
    public void ARecheckIntervalOverAMinute_IsRefusedByValidation()
    {
        var options = new InventoryOptions { RecheckInterval = TimeSpan.FromMinutes(2) };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(InventoryOptions.RecheckInterval)));
    }

    private FileAccountInventory Create(TimeSpan recheck, int servers)
    {
        Write(servers);
        var options = Options.Create(new InventoryOptions { FilePath = "inventory.json", RecheckInterval = recheck });
        return new FileAccountInventory(options, new Environment(_folder));
    }

    private void Write(int servers)
    {
        var path = Path.Combine(_folder, "inventory.json");
        var list = string.Join(",", Enumerable.Range(1, servers).Select(i => $$"""{"name": "S{{i}}", "kind": "Virtual", "state": "Running"}"""));
        File.WriteAllText(path, $$"""{"accounts": [{"alias": "ACME", "servers": [{{list}}]}]}""");
        // The time stamp must move even on a file system with coarse times.
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(servers == 0 ? 5 : 0));
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "ClosureBot.Tests";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
