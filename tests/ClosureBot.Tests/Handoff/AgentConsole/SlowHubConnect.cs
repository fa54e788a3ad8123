using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff.AgentConsole;

/// <summary>
/// Holds the console hub's <c>OnConnectedAsync</c> (which joins the agents' group) for a while after the client's
/// handshake has completed, as a busy server does now and then: a client that counts a completed handshake as
/// "receiving pushes" misses what happens in that while.
/// </summary>
public sealed class SlowHubConnect : IHubFilter
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public static void Add(IServiceCollection services) =>
        services.Configure<HubOptions>(options => options.AddFilter(new SlowHubConnect()));

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await Task.Delay(Delay);
        await next(context);
    }
}
