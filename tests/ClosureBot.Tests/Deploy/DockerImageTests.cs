using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;

using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Deploy;

// The publish takes minutes of both cores: run alone, after the parallel tests, so it slows none of them.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerImageCollection
{
    public const string Name = "Docker image";
}

/// <summary>
/// What <c>deploy/Dockerfile</c> builds, without Docker (no registry is reachable here): its own publish command run on
/// the files a clean clone holds (the build context of <c>COPY . .</c>), then its entry point started in the published
/// folder with the image's environment, as the container would, and its health check and a German web chat asked.
/// </summary>
[Collection(DockerImageCollection.Name)]
public sealed class DockerImageTests
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task Image_PublishedByItsOwnCommand_StartsFromItsEntryPointPassesItsHealthCheckAndGreetsInGerman()
    {
        var image = Dockerfile.Load();
        var work = Directory.CreateTempSubdirectory("closurebot-image-").FullName;
        try
        {
            var context = Path.Combine(work, "src");
            var app = Path.Combine(work, "app");
            var data = Path.Combine(work, "data");
            Directory.CreateDirectory(data);
            await CopyTrackedFilesAsync(context);

            // The image carries no .NET of its own (runtime-deps): the publish must bring the runtime.
            Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:", image.RuntimeImage);
            Assert.Equal("true", image.Publish[image.Publish.ToList().IndexOf("--self-contained") + 1]);
            var output = image.Publish.ToList().IndexOf("-o") + 1;
            Assert.Equal(image.WorkingFolder, image.Publish[output]);
            var publish = image.Publish.Select((word, i) => i == output ? app : word).ToArray();
            var (exit, stdout, stderr) = await DeployScript.RunInAsync(context, PublishLimit, publish[0], publish[1..]);
            Assert.True(exit == 0, $"{string.Join(' ', image.Publish)} failed (exit {exit}):\n{stdout}\n{stderr}");
            Assert.True(File.Exists(Path.Combine(app, "libcoreclr.so")), "the published folder holds no .NET runtime");

            var port = LoopbackPort.Free();
            using var bot = StartEntryPoint(image, app, data, port);
            try
            {
                await WaitUntilHealthyAsync(image, port, bot);
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

                var page = await http.GetStringAsync("/");
                Assert.Contains("src=\"lib/webchat.js\"", page);
                using var bundle = await http.GetAsync("/lib/webchat.js");
                Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
                Assert.True(bundle.Content.Headers.ContentLength > 1_000_000, "the Web Chat bundle from npm is missing from the image");

                var welcome = await GreetingAsync(http, "de-DE");
                Assert.Equal("bot", (string?)welcome["from"]!["role"]);
                Assert.StartsWith("Hallo, ich bin ClosureBot.", (string?)welcome["speak"]);
                Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)welcome["attachments"]![0]!["contentType"]);
                // The closure is kept where the image's volume is.
                Assert.True(File.Exists(Path.Combine(data, "closurebot.db")), "the store is not on the image's /data volume");
            }
            finally
            {
                if (!bot.HasExited) bot.Kill(entireProcessTree: true);
                await bot.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // What a clean clone holds: the files git tracks (build outputs, node_modules and local databases are ignored).
    private static async Task CopyTrackedFilesAsync(string destination)
    {
        var (exit, files, error) = await DeployScript.RunAsync("git", "ls-files", "-z");
        Assert.True(exit == 0, $"git ls-files failed: {error}");
        foreach (var file in files.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepoPaths.Root, file), target);
        }
    }

    // The entry point in the image's working folder, with the image's environment. /data is the test's folder, and the
    // port a free one of 127.0.0.1. The image alone has no Bot:MicrosoftAppId, so it serves web chat alone, as the README
    // says a deployment without one must.
    private Process StartEntryPoint(Dockerfile image, string app, string data, int port)
    {
        var start = new ProcessStartInfo(Path.Combine(app, image.EntryPoint[0])) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in image.EntryPoint.Skip(1)) start.ArgumentList.Add(argument.Replace("http://+:3978", $"http://127.0.0.1:{port}"));
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS" })
            start.Environment.Remove(name);
        foreach (var (name, value) in image.Environment) start.Environment[name] = value.Replace("/data/", data + "/");
        start.Environment["Bot__MessagesEndpointEnabled"] = "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private readonly StringBuilder _output = new();

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    // The image's HEALTHCHECK command, with the container's port 3978 replaced by the test's, until it passes.
    private async Task WaitUntilHealthyAsync(Dockerfile image, int port, Process bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(bot.HasExited, $"The published app exited:\n{_output}");
            var check = new ProcessStartInfo(image.HealthCheck[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in image.HealthCheck.Skip(1)) check.ArgumentList.Add(argument.Replace("/3978", $"/{port}"));
            using var process = Process.Start(check)!;
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            if (process.ExitCode == 0) return;
            Assert.True(DateTime.UtcNow < deadline, $"The image's health check did not pass within 60 s:\n{_output}");
            await Task.Delay(200);
        }
    }

    // As the chat page does: a token for a new conversation, the conversation started in the browser's language, then
    // the bot's first activity read back over Direct Line.
    private static async Task<JsonNode> GreetingAsync(HttpClient http, string locale)
    {
        using var tokenResponse = await http.PostAsJsonAsync("/api/webchat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversationId = (string)token["conversationId"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)token["token"]!);
        using var started = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var bearer = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await http.SendAsync(read);
            var activities = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
            if (activities.Count > 0) return activities[0]!;
            Assert.True(DateTime.UtcNow < deadline, "No greeting within 20 s");
            await Task.Delay(100);
        }
    }

}
