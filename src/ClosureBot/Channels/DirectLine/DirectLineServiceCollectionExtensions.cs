using ClosureBot.Channels.WebChat;
using ClosureBot.Outbox;
using ClosureBot.Retention;

namespace ClosureBot.Channels.DirectLine;

/// <summary>Registers and maps the embedded Direct Line 3.0 service and the web chat page's token endpoint.</summary>
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
        services.AddWebChat(configuration);
        return services;
    }

    /// <summary>Maps the chat page (static files), the WebSocket stream, <c>/v3/directline</c> and <c>/api/webchat/token</c>.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebSockets();
        app.MapDirectLineEndpoints();
        app.MapWebChatToken();
        return app;
    }
}
