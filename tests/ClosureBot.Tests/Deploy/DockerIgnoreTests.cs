using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// The image's build context (<c>docker build -f deploy/Dockerfile .</c> from the repository root) is what a clean clone
/// holds, as <see cref="DockerImageTests"/> builds it: every file git tracks goes in; build outputs, node_modules, local
/// databases and .git stay out.
/// </summary>
public sealed class DockerIgnoreTests
{
    private static readonly DockerIgnore Ignore = DockerIgnore.Read(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile.dockerignore"));

    [Fact]
    public async Task EveryTrackedFile_IsInTheBuildContext()
    {
        var files = await GitAsync("ls-files", "-z");
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, Ignore.Excludes);
    }

    [Fact]
    public async Task WhatGitIgnoresInThisCheckout_StaysOutOfTheBuildContext()
    {
        // After a build and a test run these are bin/, obj/, node_modules/, the Web Chat bundle, test artifacts, databases.
        var ignored = await GitAsync("ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory");
        Assert.DoesNotContain(ignored, p => !Ignore.Excludes(p.TrimEnd('/')));
    }

    [Theory]
    [InlineData(".git/HEAD")]
    [InlineData("src/ClosureBot/bin/Release/net10.0/ClosureBot.dll")]
    [InlineData("src/ClosureBot.Dialogs/obj/project.assets.json")]
    [InlineData("tests/node_modules/playwright-core/package.json")]
    [InlineData("src/ClosureBot/App_Data/closurebot.db")]
    [InlineData("closurebot.db-wal")]
    [InlineData("tests/ClosureBot.Tests/load.db")]
    [InlineData("src/ClosureBot/wwwroot/lib/webchat.js")]
    [InlineData("tests/artifacts/screenshots/welcome.png")]
    [InlineData("tests/ClosureBot.Tests/TestResults/log.trx")]
    public void AWorkingCheckoutsOwnFiles_StayOutOfTheBuildContext(string path) => Assert.True(Ignore.Excludes(path), path);

    [Theory]
    [InlineData("src/ClosureBot/ClosureBot.csproj")]
    [InlineData("src/ClosureBot/wwwroot/chat.js")]
    [InlineData("deploy/Dockerfile")]
    [InlineData("nuget.config")]
    [InlineData(".config/dotnet-tools.json")]
    [InlineData("binaries.md")]
    public void SourcesNamedLikeAnIgnoredFolder_StayIn(string path) => Assert.False(Ignore.Excludes(path), path);

    private static async Task<string[]> GitAsync(params string[] arguments)
    {
        var (exit, output, error) = await DeployScript.RunAsync("git", arguments);
        Assert.True(exit == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
