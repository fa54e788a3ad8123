using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.Teams;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Outbox;
using ClosureBot.Retention;

namespace ClosureBot.Storage.Postgres;

internal static class PostgresServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL implementation of every storage port (<c>Storage:Provider</c> = <c>Postgres</c>).</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<PostgresBotStore>();
        services.AddSingleton<IBotStore>(sp => sp.GetRequiredService<PostgresBotStore>());
        services.AddSingleton<IClosureLog, PostgresClosureLog>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IHandoffStore, PostgresHandoffStore>();
        services.AddSingleton<IRetentionSweep, PostgresConversationRetention>();
        services.AddSingleton<IDirectLineStore, PostgresDirectLineStore>();
        services.AddSingleton<ITeamsConversationStore, PostgresTeamsConversationStore>();
        services.AddHostedService<PostgresDirectLineListener>();
        return services;
    }
}
