using ClosureBot.Storage;

namespace ClosureBot.Hosting;

/// <summary>
/// <c>Hosting:InlineSocketCompletions</c>: socket completions run on the I/O thread that saw them instead of hopping to the
/// thread pool. A turn is short and its waits are asynchronous, and on a small machine the hop was a large share of the
/// kernel's context switches. On by default with SQLite; off by default with PostgreSQL, where bots restarted after a
/// crash and two instances sharing a database hung with it (a call in that path still blocks the thread it runs on).
/// The runtime reads its switch (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>) when the first socket opens, so this
/// runs before the server starts; the variable set by the operator wins over the setting.
/// </summary>
internal static class InlineSocketCompletions
{
    public const string SettingKey = "Hosting:InlineSocketCompletions";
    public const string RuntimeVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void Apply(IConfiguration configuration)
    {
        if (Environment.GetEnvironmentVariable(RuntimeVariable) is not null) return;
        var byDefault = configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageOptions.Sqlite) == StorageOptions.Sqlite;
        if (configuration.GetValue(SettingKey, byDefault)) Environment.SetEnvironmentVariable(RuntimeVariable, "1");
    }
}
