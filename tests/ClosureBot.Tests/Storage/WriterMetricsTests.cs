using System.Diagnostics.Metrics;
using ClosureBot.Offboarding;
using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Storage;

/// <summary>
/// The store's writer reports its batches on the <c>ClosureBot.Storage</c> meter (what <c>dotnet-counters</c> shows): each
/// turn's commit is counted in a batch's size, each batch's duration is recorded, and the writer's busy time grows, all
/// tagged with the provider.
/// </summary>
public class WriterMetricsTests
{
    protected virtual string Storage => StorageProviders.Sqlite;

    /// <summary>The provider's tag on the measurements (OpenTelemetry's <c>db.system.name</c>).</summary>
    protected virtual string Provider => "sqlite";

    [Fact]
    public async Task Turns_AreReportedAsBatchesOfTheWriter()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.Send("hi"); // the bot is up and its writer has run once before the listener is attached
        // Only this app's meter: other tests' apps run in this process, each with meters of its own.
        var meters = app.Services.GetRequiredService<IMeterFactory>();

        var sizes = new List<int>();
        var durations = new List<double>();
        var busy = 0.0;
        var providers = new HashSet<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WriterMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            lock (sizes)
            {
                if (instrument.Name == "closurebot.store.batch.size") sizes.Add(value);
                foreach (var tag in tags) providers.Add($"{tag.Key}={tag.Value}");
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (sizes)
            {
                if (instrument.Name == "closurebot.store.batch.duration") durations.Add(value);
                if (instrument.Name == "closurebot.store.writer.busy") busy += value;
            }
        });
        listener.Start();

        var turns = Script.To(OffboardingSteps.RetrieveData);
        await ann.SendAll(turns);
        // The writer records a batch after it has released the batch's turns (the meter never delays a reply), so the
        // last turn's answer can arrive before its batch is recorded: wait for it, within a bound, before counting.
        var recorded = System.Diagnostics.Stopwatch.StartNew();
        while (recorded.Elapsed < TimeSpan.FromSeconds(5))
        {
            lock (sizes) if (sizes.Sum() >= turns.Length) break;
            await Task.Delay(10);
        }
        listener.Dispose();

        lock (sizes)
        {
            // This conversation's turns, and whatever bookkeeping the app's workers wrote meanwhile.
            Assert.True(sizes.Sum() >= turns.Length, $"writes in batches: {sizes.Sum()}");
            Assert.All(sizes, size => Assert.InRange(size, 1, 128));
            Assert.NotEmpty(durations);
            Assert.All(durations, ms => Assert.True(ms > 0));
            Assert.True(busy > 0);
            Assert.Contains($"db.system.name={Provider}", providers);
        }
    }
}
