using ClosureBot.Handoff;
using ClosureBot.Outbox;
using ClosureBot.Retention;

namespace ClosureBot.Channels.DirectLine;

/// <summary>Registers and maps the embedded Direct Line 3.0 service.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineActivityLog>();
        services.AddSingleton<DirectLineAuthorization>();
        services.AddSingleton<DirectLineBotBridge>();
        services.AddSingleton<IOutboxRoute, DirectLineOutboxRoute>();
        services.AddSingleton<IRetentionSweep, DirectLineTranscriptRetention>();
        services.AddSingleton<ITranscriptSource, DirectLineTranscriptSource>();
        return services;
    }

    /// <summary>Maps <c>/v3/directline</c>, with its WebSocket stream.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        app.MapDirectLineEndpoints();
        return app;
    }
}
