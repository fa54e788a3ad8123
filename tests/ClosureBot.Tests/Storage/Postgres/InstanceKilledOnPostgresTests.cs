using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// Two bots as child processes on one PostgreSQL database, customers' turns alternating between them; one is killed
/// with SIGKILL mid-load. The channel redelivers what the dead one did not answer to the other, which carries on:
/// every conversation ends where its customer's answers took it, and the account has one closure request.
/// </summary>
public sealed class InstanceKilledOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan LoadLimit = TimeSpan.FromMinutes(3);
    private readonly string _database = PostgresServer.CreateDatabase();
    private readonly List<string> _folders = [];

    [Fact]
    public async Task OneInstanceKilledMidLoad_TheOtherCarriesOn_NothingLostNothingTwice()
    {
        await using var doomed = await StartAsync();
        await using var survivor = await StartAsync();
        var customers = Enumerable.Range(0, 60).Select(_ => doomed.WebChat()).ToList();
        var onSurvivor = customers.Select(c => c.Via(survivor.Http)).ToList();
        var confirming = 8;
        var turnsDone = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var inFlight = new SemaphoreSlim(16);

        async Task<Replies> TurnAsync(int index, int turn, string text)
        {
            await inFlight.WaitAsync();
            try
            {
                var activity = customers[index].Message(text, null);
                if ((index + turn) % 2 == 0 && !killed.Task.IsCompleted)
                {
                    try
                    {
                        return await customers[index].Deliver(activity);
                    }
                    catch (HttpRequestException)
                    {
                        // The instance died under this request: the channel sends the same activity again, to the other one.
                    }
                }
                return await onSurvivor[index].Deliver(activity);
            }
            finally
            {
                inFlight.Release();
                if (Interlocked.Increment(ref turnsDone) == 150) killed.TrySetResult();
            }
        }

        async Task<string> ConverseAsync(int index)
        {
            var words = index < confirming ? Script.HappyPath : Script.To(OffboardingSteps.DeleteServers);
            Replies? last = null;
            for (var turn = 0; turn < words.Length; turn++) last = await TurnAsync(index, turn, words[turn]);
            if (index < confirming) return last!.Fact("Reference") ?? (last.Everything.Contains("already exists") ? "joined" : last.Everything);
            return (await TurnAsync(index, words.Length, "status")).Everything;
        }

        var conversing = Task.WhenAll(Enumerable.Range(0, customers.Count).Select(ConverseAsync));
        await killed.Task.WaitAsync(LoadLimit);
        await doomed.KillAsync();
        var outcomes = await conversing.WaitAsync(LoadLimit);

        Assert.True(doomed.HasExited);
        Assert.All(outcomes.Skip(confirming), o => Assert.Contains("You're at Step 2 of 5", o));
        var logged = Assert.Single(await survivor.ClosureRequestsAsync())!;
        Assert.Single(outcomes.Take(confirming), o => o == (string?)logged["reference"]);
        Assert.Equal(confirming - 1, outcomes.Take(confirming).Count(o => o == "joined"));
        Assert.Equal(confirming - 1, logged["alsoRequestedBy"]!.AsArray().Count);
    }

    private async Task<BotChildProcess> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("closurebot-pgkill-").FullName;
        _folders.Add(folder);
        var settings = TestRateLimits.Raised.ToDictionary(s => s.Key, s => s.Value!);
        settings["Storage:Provider"] = StorageProviders.Postgres;
        settings["Storage:ConnectionString"] = _database;
        return await BotChildProcess.StartAsync(folder, settings);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xUnit 2 disposes a test class through IAsyncLifetime or IDisposable, never through IAsyncDisposable.
    public Task DisposeAsync()
    {
        foreach (var folder in _folders) TempFolder.Delete(folder);
        PostgresServer.DropDatabase(_database);
        return Task.CompletedTask;
    }
}
