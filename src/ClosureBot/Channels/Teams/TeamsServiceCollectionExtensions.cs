using ClosureBot.Identity;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Turns;
using ClosureBot.Retention;

namespace ClosureBot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams behaviour (<c>Teams:*</c>): identity from the channel, personal-chat-only closure, welcome once,
    /// messageBack buttons, answered cards updated in place, Action.Execute, typing, pacing per conversation, and
    /// proactive messages. Call after the outbox: it puts its card tracking in front of the Connector transport.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName))
            .Validate(o => !o.TrustUnauthenticatedChannel || environment.IsDevelopment(),
                "Teams:TrustUnauthenticatedChannel is a local-testing switch, refused outside the Development environment.")
            .Validate(o => o.MaxMessagesPerSecondPerConversation > 0, "Teams:MaxMessagesPerSecondPerConversation must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ConversationPacer>();
        services.AddTransient<ConversationPacingHandler>();
        services.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler<ConversationPacingHandler>();
        services.AddSingleton<IChannelIdentitySource, TeamsIdentitySource>();
        services.AddSingleton<IReplyShaper, TeamsReplyShaper>();
        services.AddSingleton<ITurnMiddleware, TeamsTurnMiddleware>();
        services.AddSingleton<IProactiveMessenger, TeamsProactiveMessenger>();
        services.AddSingleton<IRetentionSweep, TeamsRetention>();
        services.AddTransient<IReplyTransport>(sp => sp.GetRequiredService<ReplyOutbox>().Wrap(new TeamsCardTracker(
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<ITeamsConversationStore>(), sp.GetRequiredService<ILogger<TeamsCardTracker>>())));
        return services;
    }
}
