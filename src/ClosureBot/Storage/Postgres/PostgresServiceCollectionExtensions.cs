using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.Teams;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Handoff.AgentConsole;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
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
        services.AddSingleton<IRetentionSweep, PostgresHandoffRetention>();
        services.AddSingleton<IDirectLineStore, PostgresDirectLineStore>();
        services.AddSingleton<ITeamsConversationStore, PostgresTeamsConversationStore>();
        services.AddHostedService<PostgresDirectLineListener>();
        services.AddSingleton<ISignInFailures, PostgresSignInFailures>();
        services.AddSingleton<PostgresXmlRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository>((o, keys) => o.XmlRepository = keys);
        return services;
    }

    /// <summary>
    /// Wraps the registered <see cref="IHandoffEvents"/> (the console's SignalR pushes) so that changes made on any
    /// instance reach the consoles connected to every instance. Call after the console registered its events.
    /// </summary>
    public static IServiceCollection AddPostgresHandoffFanOut(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IHandoffEvents))
            ?? throw new InvalidOperationException("Register IHandoffEvents before sharing them between instances.");
        services.Remove(inner);
        services.AddSingleton(sp => new PostgresHandoffEvents(Create(sp, inner), sp.GetRequiredService<PostgresDatabase>(),
            sp.GetRequiredService<IHandoffStore>(), sp.GetRequiredService<ILogger<PostgresHandoffEvents>>()));
        services.AddSingleton<IHandoffEvents>(sp => sp.GetRequiredService<PostgresHandoffEvents>());
        services.AddHostedService<PostgresHandoffListener>();
        return services;
    }

    private static IHandoffEvents Create(IServiceProvider services, ServiceDescriptor descriptor) => (IHandoffEvents)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
