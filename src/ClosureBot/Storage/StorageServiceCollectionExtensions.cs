using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Outbox;
using ClosureBot.Retention;

namespace ClosureBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the embedded SQLite store (<c>Storage:ConnectionString</c>).</summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteBotStore>();
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<SqliteBotStore>());
        // The log reads the tables the store's schema creates, so the store is built first.
        services.AddSingleton<IClosureLog>(sp => new SqliteClosureLog(sp.GetRequiredService<SqliteBotStore>().Database));
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IHandoffStore>(sp => new SqliteHandoffStore(sp.GetRequiredService<SqliteBotStore>().Database));
        services.AddSingleton<IRetentionSweep, SqliteConversationRetention>();
        return services;
    }
}
