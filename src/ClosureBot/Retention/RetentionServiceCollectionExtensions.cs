namespace ClosureBot.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Registers the retention job (<c>Retention:*</c>); the store and the channels add their <see cref="IRetentionSweep"/>s.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        return services;
    }
}
