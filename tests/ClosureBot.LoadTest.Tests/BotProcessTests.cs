using ClosureBot.LoadTest;

namespace ClosureBot.LoadTest.Tests;

public sealed class BotProcessTests
{
    [Fact]
    public void ContentRootOf_BuildOutput_IsTheProjectFolder()
    {
        var project = Directory.CreateTempSubdirectory("closurebot-root-").FullName;
        var output = Directory.CreateDirectory(Path.Combine(project, "bin", "Release", "net10.0")).FullName;

        try
        {
            Assert.Equal(project, BotProcess.ContentRootOf(Path.Combine(output, "ClosureBot.dll")));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void ContentRootOf_PublishedApp_IsItsOwnFolder()
    {
        var published = Directory.CreateTempSubdirectory("closurebot-pub-").FullName;
        Directory.CreateDirectory(Path.Combine(published, "wwwroot"));

        try
        {
            Assert.Equal(published, BotProcess.ContentRootOf(Path.Combine(published, "ClosureBot.dll")));
        }
        finally
        {
            Directory.Delete(published, recursive: true);
        }
    }
}
