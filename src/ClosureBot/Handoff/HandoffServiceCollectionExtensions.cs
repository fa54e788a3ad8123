using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Registers the support handoff (<c>Support:Queues:*</c>): the queues with their opening hours, the owner of handed-off
    /// conversations, and the desk the agent console uses. The console replaces the no-op <see cref="IHandoffEvents"/>.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection(SupportOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        services.AddSingleton<QueueSchedules>();
        services.AddSingleton<HandoffCards>();
        services.AddSingleton<AgentActions>();
        services.AddSingleton<HandoffStatusChannels>();
        services.AddSingleton<HandoffConversations>();
        services.AddSingleton<IHandoffDesk, HandoffDesk>();
        services.TryAddSingleton<IHandoffEvents, NoHandoffEvents>();
        return services;
    }
}
