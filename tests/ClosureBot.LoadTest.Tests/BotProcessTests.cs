using System.Text.RegularExpressions;
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

    [Fact]
    public async Task TheBotItStarts_RunsWithTheRuntimeSettingsOfTheDockerImage()
    {
        // The runtime reads some settings only from the environment (DOTNET_…); deploy/Dockerfile gives them to the bot,
        // and the load command must give its bots the same, or its memory figures are not the deployed bot's.
        var deployed = Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root(), "deploy", "Dockerfile")),
                @"^(?!\s*#).*?\b(DOTNET_\w+)=([^\s\\]+)", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Contains("DOTNET_JitHostMaxSlabCache", deployed.Keys);
        Assert.Equal(deployed.OrderBy(p => p.Key), BotProcess.DeployedRuntimeEnvironment.OrderBy(p => p.Key));

        using var http = new HttpClient();
        await using var store = LoadStore.Sqlite();
        await using var bot = await BotProcess.StartAsync(Builds.BotDll(), store, [], http);

        // A value in the command's own environment is kept, to measure another.
        var environment = File.ReadAllText($"/proc/{bot.Pid}/environ").Split('\0');
        foreach (var (name, value) in deployed)
            Assert.Contains($"{name}={Environment.GetEnvironmentVariable(name) ?? value}", environment);
    }
}
