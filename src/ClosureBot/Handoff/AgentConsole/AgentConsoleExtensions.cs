using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// Registers and maps the agent console (<c>/agent</c>): staff sign-in, the page, its API and the live hub. The console
/// works on the app's <see cref="IHandoffDesk"/> and replaces the desk's silent <see cref="IHandoffEvents"/> with SignalR pushes.
/// </summary>
public static class AgentConsoleExtensions
{
    public static IServiceCollection AddAgentConsole(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AgentConsoleOptions.SectionName);
        services.AddOptions<AgentConsoleOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AgentCredentials>();
        services.AddSingleton<AgentConnections>();
        services.AddSingleton<IHandoffEvents, SignalRHandoffEvents>();
        services.AddAgentAuthentication(section.Get<AgentConsoleOptions>() ?? new AgentConsoleOptions());
        services.AddAntiforgery(options => options.Cookie.Name = "closurebot_antiforgery");
        services.AddSignalR(hub => hub.MaximumReceiveMessageSize = 4 * 1024)
            .AddJsonProtocol(json => ConsoleJson.Configure(json.PayloadSerializerOptions));
        return services;
    }

    public static WebApplication MapAgentConsole(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(AgentHub.Path), hub => hub.UseMiddleware<HubRequestGuard>());
        app.MapAgentSignIn();
        app.MapAgentConsoleApi();
        var console = ConsolePage.Compile(app.Services.GetRequiredService<Localization.Locales>());
        app.MapGet("/agent", (HttpContext http) => console(http)).RequireAuthorization(AgentAuthentication.Policy);
        app.MapHubOnFirstConnection<AgentHub>(AgentHub.Path, new HttpConnectionDispatcherOptions
        {
            // Pushes only; WebSockets, or long polling where a proxy blocks them. The session's end closes the connection.
            Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling,
            CloseOnAuthenticationExpiration = true,
        }).RequireAuthorization(AgentAuthentication.Policy);
        return app;
    }

    /// <summary>
    /// What <c>MapHub</c> maps (the connection endpoints, the hub's attributes and <see cref="HubMetadata"/>), except that
    /// the hub's connection handler is built when the first agent connects instead of at start-up. Building it discovers
    /// the hub's methods with the expression compiler, which an instance that no agent uses would otherwise load for
    /// nothing (about 2.4 MiB resident).
    /// </summary>
    private static IEndpointConventionBuilder MapHubOnFirstConnection<THub>(this IEndpointRouteBuilder endpoints, string pattern,
        HttpConnectionDispatcherOptions options) where THub : Hub
    {
        var connections = endpoints.MapConnections(pattern, options, connection =>
        {
            var handler = new Lazy<HubConnectionHandler<THub>>(() =>
                ActivatorUtilities.GetServiceOrCreateInstance<HubConnectionHandler<THub>>(connection.ApplicationServices));
            connection.Run(context => handler.Value.OnConnectedAsync(context));
        });
        var attributes = typeof(THub).GetCustomAttributes(inherit: true);
        connections.Add(endpoint =>
        {
            foreach (var attribute in attributes) endpoint.Metadata.Add(attribute);
            endpoint.Metadata.Add(new HubMetadata(typeof(THub)));
        });
        return connections;
    }
}
