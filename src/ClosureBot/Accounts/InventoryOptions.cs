using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Accounts;

/// <summary>Configuration section <c>Inventory</c>.</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>The JSON inventory file; relative paths are resolved against the app's content root.</summary>
    [Required]
    public string FilePath { get; set; } = "Accounts/demo-inventory.json";
}
