using System.Net;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClosureBot.Hosting;

/// <summary>
/// The outermost middleware: forwarded headers from known proxies only (so behind TLS the stream URL says
/// <c>wss://</c> and cookies are <c>Secure</c>), and one JSON error, without exception text, for anything unhandled.
/// </summary>
public static class EdgeExtensions
{
    public static IServiceCollection AddEdge(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework trusts loopback by default; only what is configured may speak for the client.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in proxies.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        // No endpoint needs more than the 1 MiB of an activity; the readers answer 413 themselves below this.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 2 * ActivityLimits.MaxBodyBytes);
        return services;
    }

    public static WebApplication UseEdge(this WebApplication app)
    {
        // No response is to be read as anything but its declared type (a JSON answer holding a customer's name, as HTML);
        // set again by the error handler, which clears the headers.
        app.Use((http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return next(http);
        });
        // AllowedHosts ("*" by default): a request for another host is refused with 400 before anything else runs.
        app.UseHostFiltering();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = http =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return http.Response.WriteAsJsonAsync(
                    ErrorResponse.Of("InternalError", "The server could not process the request; nothing was changed."), ProtocolJson.Options);
            },
        });
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value.IsConfigured)
            app.UseForwardedHeaders();
        return app;
    }
}
