namespace ClosureBot.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Registers who may act for an account and, with a provider configured, the web chat sign-in (<c>Identity:*</c>).</summary>
    public static IServiceCollection AddCustomerIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CustomerIdentityOptions>().Bind(configuration.GetSection(CustomerIdentityOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountAccess>();
        var section = configuration.GetSection(CustomerIdentityOptions.SectionName);
        services.AddCustomerSignIn(section.Get<CustomerIdentityOptions>() ?? new CustomerIdentityOptions());
        return services;
    }
}
