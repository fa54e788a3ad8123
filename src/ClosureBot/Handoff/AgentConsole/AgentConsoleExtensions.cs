using Microsoft.AspNetCore.Http.Connections;

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
        app.MapHub<AgentHub>(AgentHub.Path, options =>
        {
            // Pushes only; WebSockets, or long polling where a proxy blocks them. The session's end closes the connection.
            options.Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling;
            options.CloseOnAuthenticationExpiration = true;
        }).RequireAuthorization(AgentAuthentication.Policy);
        return app;
    }
}
