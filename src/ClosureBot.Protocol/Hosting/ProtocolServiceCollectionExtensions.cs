using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Turns;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ClosureBot.Protocol.Hosting;

/// <summary>Registers the protocol layer.</summary>
public static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Adds the adapter, the channel authenticator and the Connector client (retrying 429/5xx and network
    /// errors, honouring <c>Retry-After</c>). The app registers its <see cref="IBot"/> and middleware itself.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectorOptions.SectionName);
        services.AddOptions<ConnectorOptions>().Bind(section)
            // The binder appends configured list items to the defaults; a configured allow-list must replace them,
            // or production could never narrow it (localhost and *.trafficmanager.net would stay allowed).
            .Configure(o =>
            {
                var hosts = section.GetSection(nameof(ConnectorOptions.AllowedServiceUrlHosts));
                if (hosts.GetChildren().Any()) o.AllowedServiceUrlHosts = hosts.Get<List<string>>() ?? [];
            })
            .Validate(o => o.AllowedServiceUrlHosts.Count > 0, "Bot:AllowedServiceUrlHosts needs at least one host.")
            .ValidateOnStart();
        // Local emulators and tests reply through loopback; a deployed bot never should (SSRF to local services).
        services.AddSingleton<IPostConfigureOptions<ConnectorOptions>>(sp => new PostConfigureOptions<ConnectorOptions>(Options.DefaultName, o =>
        {
            if (sp.GetService<IHostEnvironment>()?.IsDevelopment() == true
                && !section.GetSection(nameof(ConnectorOptions.AllowedServiceUrlHosts)).GetChildren().Any())
                o.AllowedServiceUrlHosts.AddRange(ConnectorOptions.DevelopmentLoopbackHosts);
        }));
        services.AddOptions<BotAuthenticationOptions>().Bind(configuration.GetSection(ConnectorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>>(sp => new BotAuthenticationOptionsValidator(sp.GetService<IHostEnvironment>()));
        services.AddSingleton(sp => new ServiceUrlPolicy(sp.GetRequiredService<IOptions<ConnectorOptions>>(), sp.GetService<IServer>()));
        services.TryAddSingleton(TimeProvider.System);
        // A hung issuer must not hold inbound requests for HttpClient's default 100 s.
        services.AddHttpClient(BotAuthenticationOptions.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IChannelAuthenticator, ChannelTokenAuthenticator>();
        services.AddSingleton<SigningKeyPrefetch>();
        services.AddHostedService(sp => sp.GetRequiredService<SigningKeyPrefetch>());
        services.AddSingleton<IConnectorCredentials, MsalConnectorCredentials>();
        services.AddSingleton<BotAdapter>();
        // The Connector delivers replies unless the app puts a transport of its own in front of it (a reply outbox).
        services.TryAddTransient<IReplyTransport>(sp => sp.GetRequiredService<ConnectorClient>());

        // A named client and a factory of our own rather than a typed client: the typed client's factory builds its
        // constructor call from expression trees, which loads the expression compiler for one constructor.
        services.AddTransient(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName),
            sp.GetRequiredService<ServiceUrlPolicy>(), sp.GetService<IConnectorCredentials>()));
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddResilienceHandler("connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                // MaxRetries 0 turns retries off (Polly's retry strategy itself needs at least one attempt).
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        ShouldRetryAfterHeader = true,
                    });
                }
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
