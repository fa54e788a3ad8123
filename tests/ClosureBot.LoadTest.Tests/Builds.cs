namespace ClosureBot.LoadTest.Tests;

/// <summary>The builds these tests start, in the configuration the tests themselves were built in.</summary>
internal static class Builds
{
    /// <summary>This test build's configuration (Debug or Release): the name of the folder above its framework's.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The bot as <c>dotnet build src/ClosureBot</c> leaves it in that configuration.</summary>
    public static string BotDll() =>
        Path.Combine(Repository.Root(), "src", "ClosureBot", "bin", Configuration, "net10.0", "ClosureBot.dll");
}
