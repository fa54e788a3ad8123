using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ClosureBot.Protocol.Tests.Support;

/// <summary>A server that serves nothing and reports the addresses it was given, as Kestrel reports those it listens on.</summary>
public sealed class AddressedServer : IServer
{
    public AddressedServer(params string[] addresses)
    {
        var feature = new ServerAddressesFeature();
        foreach (var address in addresses) feature.Addresses.Add(address);
        Features.Set<IServerAddressesFeature>(feature);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();
    public void Dispose() { }
    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
