using System.Threading.RateLimiting;
using ClosureBot.Protocol.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClosureBot.RateLimits;

/// <summary>
/// Registers the limits of <see cref="RateLimitOptions"/>: per-address and per-stream limits as policies of the ASP.NET
/// Core rate limiting middleware (endpoints opt in by <see cref="RateLimitPolicies"/> name), per-user and per-conversation
/// limits as <see cref="KeyedRateLimiter"/>s the endpoints call once they know the user or conversation.
/// </summary>
public static class RateLimitsServiceCollectionExtensions
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => o.IsValid, "RateLimits: every Limit and Burst must be at least 1, every Window and StreamRetryAfter positive, StreamsPerConversation at least 1.")
            .ValidateOnStart();
        services.AddKeyedSingleton(RateLimitPolicies.TokensPerUser, (sp, _) =>
        {
            var limits = sp.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return new KeyedRateLimiter(limits.TokensPerUser, limits.Enabled, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IConversationRateLimiter>(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return new ConversationRateLimiter(new KeyedRateLimiter(limits.MessagesPerConversation, limits.Enabled, sp.GetRequiredService<TimeProvider>()));
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, TimeProvider>((options, limits, time) =>
            Configure(options, limits.Value, time));
        return services;
    }

    /// <summary>After the forwarded headers, so a proxied client is counted by its own address.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static void Configure(RateLimiterOptions options, RateLimitOptions limits, TimeProvider time)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(RateLimitPolicies.TokensPerClient, http => PerClient(http, limits.Enabled, limits.TokensPerClient, time));
        options.AddPolicy(RateLimitPolicies.SignInsPerClient, http => PerClient(http, limits.Enabled, limits.SignInsPerClient, time));
        options.AddPolicy(RateLimitPolicies.ConversationsPerClient, http => PerClient(http, limits.Enabled, limits.ConversationsPerClient, time));
        options.AddPolicy(RateLimitPolicies.AdminPerClient, http => PerClient(http, limits.Enabled, limits.AdminPerClient, time));
        options.AddPolicy(RateLimitPolicies.ReadsPerConversation, http =>
            limits.Enabled && http.Request.RouteValues["conversationId"] is string conversation
                ? RateLimitPartition.Get(conversation, _ => new ClockTokenBucket(limits.ReadsPerConversation, time))
                : RateLimitPartition.GetNoLimiter(""));
        options.AddPolicy(RateLimitPolicies.StreamsPerConversation, http =>
            limits.Enabled && http.Request.RouteValues["conversationId"] is string conversationId
                ? RateLimitPartition.GetConcurrencyLimiter(conversationId,
                    _ => new ConcurrencyLimiterOptions { PermitLimit = limits.StreamsPerConversation, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
        options.OnRejected = (context, ct) => new ValueTask(RateLimitRefusal.WriteAsync(context.HttpContext,
            context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.StreamRetryAfter, ct));
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, bool enabled, RateLimitRule rule, TimeProvider time) =>
        enabled ? RateLimitPartition.Get(ClientAddress.Of(http), _ => new ClockTokenBucket(rule, time)) : RateLimitPartition.GetNoLimiter("");
}
