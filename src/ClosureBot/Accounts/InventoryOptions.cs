using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Accounts;

/// <summary>Configuration section <c>Inventory</c>.</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>The JSON inventory file; relative paths are resolved against the app's content root.</summary>
    [Required]
    public string FilePath { get; set; } = "Accounts/demo-inventory.json";

    /// <summary>
    /// How often the file's time stamp and size are looked at again, so an edit shows within this time; a turn reads
    /// the inventory several times, and each look is a system call. 0 looks on every read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
