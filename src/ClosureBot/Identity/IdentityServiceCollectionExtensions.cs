namespace ClosureBot.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Registers who may act for an account (<c>Identity:*</c>).</summary>
    public static IServiceCollection AddCustomerIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CustomerIdentityOptions>().Bind(configuration.GetSection(CustomerIdentityOptions.SectionName));
        services.AddSingleton<AccountAccess>();
        return services;
    }
}
