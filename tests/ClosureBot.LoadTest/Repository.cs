namespace ClosureBot.LoadTest;

/// <summary>The checkout the load command runs from, found by walking up from its build output to <c>ClosureBot.sln</c>.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClosureBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (ClosureBot.sln); pass --bot-dll.");
    }
}
