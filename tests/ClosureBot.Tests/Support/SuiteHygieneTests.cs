using System.Reflection;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Support;

// The suite cleans up after itself: a CI machine runs it many times, and every host's folder holds a database.
public class SuiteHygieneTests
{
    [Fact]
    public void TestClasses_DisposedAsynchronously_AreDisposedByXunit()
    {
        // xUnit 2 disposes a test class through IAsyncLifetime or IDisposable; a class that is only IAsyncDisposable is
        // never disposed, and whatever its DisposeAsync cleans up is left behind.
        var neverDisposed = typeof(SuiteHygieneTests).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAsyncDisposable).IsAssignableFrom(t))
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)))
            .Where(t => !typeof(IAsyncLifetime).IsAssignableFrom(t) && !typeof(IDisposable).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(neverDisposed);
    }

    [Fact]
    public async Task DirectLineTestHost_DeletesTheFolderItMade_KeepsOneItWasGiven()
    {
        string made;
        await using (var host = new DirectLineTestHost())
        {
            made = host.Folder;
            Assert.True(File.Exists(Path.Combine(made, "inventory.json")));
        }

        using var given = new TempFolder("closurebot-dl-");
        await using (new DirectLineTestHost(given.Path)) { }

        Assert.False(Directory.Exists(made));
        Assert.True(File.Exists(Path.Combine(given.Path, "inventory.json")));
    }

    [Fact]
    public void TempFolder_Disposed_DeletesItAndWhatIsInIt()
    {
        string path;
        using (var folder = new TempFolder("closurebot-hygiene-"))
        {
            path = folder.Path;
            Directory.CreateDirectory(Path.Combine(path, "inner"));
            File.WriteAllText(Path.Combine(path, "inner", "file.txt"), "x");
        }

        Assert.False(Directory.Exists(path));
    }
}
