using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the reply outbox (<c>Bot:DuplicateWindow</c>, <c>Bot:ReplyRetry*</c>, <c>Bot:Outbox*</c>), its delivery
    /// worker, and the Connector transport wrapped by it. The store registers <see cref="IOutboxStore"/>; channels add routes.
    /// </summary>
    public static IServiceCollection AddReplyOutbox(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.IsValid(), "Bot:DuplicateWindow, Bot:ReplyRetryDelay, Bot:ReplyRetryMaxDelay, Bot:ReplyDeliveryMaxAge and Bot:Outbox* " +
                "must be positive, with ReplyRetryDelay <= ReplyRetryMaxDelay and ReplyDeliveryMaxAge <= DuplicateWindow.")
            .ValidateOnStart();
        services.AddSingleton<ReplyOutbox>();
        services.AddSingleton<IOutboxRoute, ConnectorOutboxRoute>();
        services.AddTransient<IReplyTransport>(sp => sp.GetRequiredService<ReplyOutbox>().Wrap(sp.GetRequiredService<ConnectorClient>()));
        services.AddSingleton<OutboxDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDeliveryWorker>());
        if (environment.IsDevelopment() && configuration[CrashAfterCommitMiddleware.SettingName] is { Length: > 0 } crashAfter)
            services.AddSingleton<ITurnMiddleware>(new CrashAfterCommitMiddleware(crashAfter));
        return services;
    }
}
