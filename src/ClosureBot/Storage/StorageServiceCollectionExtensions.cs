using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.Teams;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Handoff.AgentConsole;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
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
        // Cookies (web chat sign-in, agent console, anti-forgery) are protected with a key ring kept in the database: on
        // PostgreSQL every instance shares it, on SQLite it outlives a restart. The name keeps it apart from other apps.
        services.AddDataProtection().SetApplicationName("ClosureBot");
        services.AddMetrics();
        services.AddSingleton<WriterMetrics>();
        if (IsPostgres(configuration)) return services.AddPostgresStorage();

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteBotStore>();
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<SqliteBotStore>());
        // The log reads the tables the store's schema creates, so the store is built first.
        services.AddSingleton<IClosureLog>(sp => new SqliteClosureLog(sp.GetRequiredService<SqliteBotStore>().Database));
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IHandoffStore>(sp => new SqliteHandoffStore(sp.GetRequiredService<SqliteBotStore>().Database));
        services.AddSingleton<IRetentionSweep, SqliteConversationRetention>();
        services.AddSingleton<IRetentionSweep, SqliteHandoffRetention>();
        services.AddSingleton<IDirectLineStore, SqliteDirectLineStore>();
        services.AddSingleton<ITeamsConversationStore, SqliteTeamsConversationStore>();
        services.AddSingleton<ISignInFailures, SqliteSignInFailures>();
        services.AddSingleton<SqliteXmlRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<SqliteXmlRepository>((o, keys) => o.XmlRepository = keys);
        return services;
    }

    /// <summary>
    /// What instances must share beyond storage, registered after the features it wraps: on PostgreSQL, the agent
    /// console's live pushes reach consoles on every instance (<c>LISTEN/NOTIFY</c>). Nothing on SQLite (one instance).
    /// </summary>
    public static IServiceCollection AddInstanceFanOut(this IServiceCollection services, IConfiguration configuration) =>
        IsPostgres(configuration) ? services.AddPostgresHandoffFanOut() : services;

    private static bool IsPostgres(IConfiguration configuration) => string.Equals(
        configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"], StorageOptions.Postgres, StringComparison.Ordinal);

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
