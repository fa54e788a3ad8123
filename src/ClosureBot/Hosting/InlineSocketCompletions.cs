namespace ClosureBot.Hosting;

/// <summary>
/// <c>Hosting:InlineSocketCompletions</c> (on by default): socket completions run on the I/O thread that saw them instead
/// of hopping to the thread pool. A turn is short and its waits are asynchronous, and on a small machine the hop was a large
/// share of the kernel's context switches. Nothing on that thread may block on another socket: Npgsql's savepoint methods
/// did (their reply was read synchronously, waiting for the very thread they ran on), so the PostgreSQL writer sends its
/// savepoints as statements of its own batches.
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
        if (configuration.GetValue(SettingKey, true)) Environment.SetEnvironmentVariable(RuntimeVariable, "1");
    }
}
