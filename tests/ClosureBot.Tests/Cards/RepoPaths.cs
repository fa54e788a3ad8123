namespace ClosureBot.Tests.Cards;

// Where the repository's cards and Node tools are, found by walking up to ClosureBot.sln.
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string CardsFolder => Path.Combine(Root, "cards");

    public static string TestsFolder => Path.Combine(Root, "tests");

    public static IEnumerable<string> TemplateNames() =>
        Directory.EnumerateFiles(CardsFolder, "*.json")
            .Where(p => !p.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClosureBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find ClosureBot.sln in {AppContext.BaseDirectory} or any folder above it; run the tests from inside the repository.");
    }
}
