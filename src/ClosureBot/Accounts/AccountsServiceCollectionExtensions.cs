namespace ClosureBot.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Registers the file inventory (<c>Inventory:FilePath</c>, the shipped demo inventory by default).</summary>
    public static IServiceCollection AddAccountInventory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InventoryOptions>().Bind(configuration.GetSection(InventoryOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAccountInventory, FileAccountInventory>();
        return services;
    }
}
