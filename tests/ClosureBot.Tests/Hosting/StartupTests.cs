using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task TurnPathWarmer_Warm_BuildsEveryCardInEveryLanguageAndStoresNothing()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient(); // starts the app, so its store exists
        var warmer = app.Services.GetRequiredService<TurnPathWarmer>();

        var built = warmer.Warm();

        Assert.Equal(9 * ClosureBot.Localization.Locales.Supported.Count, built);
        await using var db = new SqliteConnection($"Data Source={app.DatabasePath}");
        await db.OpenAsync();
        foreach (var table in new[] { "conversations", "outbox", "user_progress", "closure_requests", "audit_events" })
        {
            await using var count = db.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {table}";
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public void RuntimeConfig_OfTheBuiltApp_KeepsWorkstationBackgroundGcAndNoIdleSpinning()
    {
        // The runtime settings the load figures were measured with (README, Load test): without background GC the warm-up's
        // generation 0 grew to 62 MB committed and set the peak RSS.
        var path = Path.Combine(AppContext.BaseDirectory, "ClosureBot.runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public async Task Configuration_ByDefault_IsNotWatchedForChanges()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient();

        var sources = ((IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(sources); // appsettings.json at least
        Assert.All(sources, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched"));
    }
}
