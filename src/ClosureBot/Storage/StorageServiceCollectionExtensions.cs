using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.Teams;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Outbox;
using ClosureBot.Retention;
using ClosureBot.Storage.Postgres;
using Npgsql;

namespace ClosureBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by <c>Storage:Provider</c> (<c>Sqlite</c> by default, or <c>Postgres</c>) behind every
    /// storage port: bot state, closure log, outbox, retention, Direct Line and Teams data.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageOptions.Postgres || IsPostgresConnectionString(o.ConnectionString),
                "Storage:ConnectionString must be a PostgreSQL connection string naming a Host when Storage:Provider is Postgres.")
            .ValidateOnStart();
        var provider = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        if (string.Equals(provider, StorageOptions.Postgres, StringComparison.Ordinal)) return services.AddPostgresStorage();

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteBotStore>();
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<SqliteBotStore>());
        // The log reads the tables the store's schema creates, so the store is built first.
        services.AddSingleton<IClosureLog>(sp => new SqliteClosureLog(sp.GetRequiredService<SqliteBotStore>().Database));
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IHandoffStore>(sp => new SqliteHandoffStore(sp.GetRequiredService<SqliteBotStore>().Database));
        services.AddSingleton<IRetentionSweep, SqliteConversationRetention>();
        services.AddSingleton<IDirectLineStore, SqliteDirectLineStore>();
        services.AddSingleton<ITeamsConversationStore, SqliteTeamsConversationStore>();
        return services;
    }

    private static bool IsPostgresConnectionString(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
