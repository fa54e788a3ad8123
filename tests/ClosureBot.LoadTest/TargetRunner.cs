using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>
/// Measures one <see cref="LoadTarget"/> for one customer count under <c>--start</c>: makes its store, seeds it when
/// asked (real turns once, then the bot's <c>seed</c> command clones them), starts its processes, leaves conversations
/// half-way when asked, runs the row, and stops and removes everything it made.
/// </summary>
public sealed class TargetRunner(HttpClient http, LoadOptions options, string botDll, string peerDir, string floorDll)
{
    public async Task<RowResult> MeasureAsync(LoadTarget target, int customers, bool seeded, string label)
    {
        if (target.IsPeer)
        {
            await using var peer = await PeerProcess.StartAsync(peerDir, BotProcess.ContentRootOf(botDll), http);
            await LeaveHalfwayAsync([peer.Url], customers);
            return await LoadRun.RunAsync([peer.Url], [peer.Pid], customers, options, label);
        }
        if (target.Kind == LoadTargetKind.Floor)
        {
            await using var floor = await FloorProcess.StartAsync(floorDll, http);
            await LeaveHalfwayAsync([floor.Url], customers);
            return await LoadRun.RunAsync([floor.Url], [floor.Pid], customers, options, label);
        }

        await using var store = target.Kind == LoadTargetKind.Postgres ? await LoadStore.PostgresAsync(options.Postgres!) : LoadStore.Sqlite();
        if (seeded) await SeedAsync(store, label);
        var bots = new List<BotProcess>();
        try
        {
            for (var i = 0; i < target.Instances; i++) bots.Add(await BotProcess.StartAsync(botDll, store, options.BotArgs, http, options.BotEnvironment));
            var urls = bots.Select(b => b.Url).ToArray();
            await LeaveHalfwayAsync(urls, customers, options.ChannelToken);
            return await LoadRun.RunAsync(urls, bots.Select(b => b.Pid).ToArray(), customers, options, label, options.ChannelToken);
        }
        finally
        {
            foreach (var bot in bots) await bot.DisposeAsync();
        }
    }

    // The SDK peer and the bare floor check no channel token (the peer runs with auth off, as the performance issue
    // asks), so only ClosureBot's turns carry one.
    private async Task LeaveHalfwayAsync(IReadOnlyList<Uri> urls, int customers, string? bearer = null)
    {
        if (options.LeaveHalfway == 0) return;
        var started = Stopwatch.GetTimestamp();
        var error = await LoadRun.LeaveHalfwayAsync(urls, options.LeaveHalfway, customers, options, bearer);
        LoadStop.ThrowIfRequested();
        if (error is not null) throw new InvalidOperationException($"Leaving conversations half-way failed: {error}");
        Console.Error.WriteLine($"  [half-way] {options.LeaveHalfway} conversations left at step 2 of 5 in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    // The seed clones real rows: a bot on this store first serves one finished walk and one left half-way.
    private async Task SeedAsync(LoadStore store, string label)
    {
        await using (var bot = await BotProcess.StartAsync(botDll, store, options.BotArgs, http, options.BotEnvironment))
        {
            var clock = new LoadClock(TimeSpan.Zero, TimeSpan.FromDays(1));
            var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
            var messages = new[] { new Uri(bot.Url, "/api/messages") };
            var id = Guid.NewGuid().ToString("N")[..8];
            // ACME, a demo account no load customer closes: the measured customers still get their own receipts.
            var connections = TurnConnection.To(messages, options.ChannelToken);
            var finished = new Customer(connections, 0, $"template-{id}-finished", "ACME", clock, timeout);
            var halfWay = new Customer(connections, 0, $"template-{id}-half", "ACME", clock, timeout);
            var error = await finished.WalkAsync($"template-{id}-finished", Customer.CanonicalSequence.Length)
                        ?? await halfWay.WalkAsync($"template-{id}-half", Customer.HalfWay);
            TurnConnection.DisposeAll(connections);
            if (error is not null) throw new InvalidOperationException($"The template walks before seeding failed: {error}");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = BotProcess.ContentRootOf(botDll), RedirectStandardOutput = true };
        GeneratorSockets.KeepFrom(start);
        foreach (var arg in new[] { botDll, "seed", "--conversations", options.SeedConversations.ToString() }
                     .Concat(store.BotArgs.Concat(options.BotArgs).Select(a => "--" + a)))
            start.ArgumentList.Add(arg);
        using var seed = Process.Start(start) ?? throw new InvalidOperationException("Could not start the seed command.");
        var output = await seed.StandardOutput.ReadToEndAsync();
        await seed.WaitForExitAsync();
        if (seed.ExitCode != 0) throw new InvalidOperationException($"The bot's seed command failed with exit code {seed.ExitCode}.");
        Console.WriteLine($"  [{label}] {output.Trim()}");
    }
}
