using System.Diagnostics;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// <c>deploy/compose.yaml</c> as Docker Compose reads it (there is no Docker daemon here): two bots on PostgreSQL behind
/// nginx, started in order of health, secrets only from the environment, and the proxy running the very
/// <c>deploy/nginx.conf</c> that <see cref="ProxyStandInTests"/> runs; the bots' health check command works on a real bot.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Bots = ["bot-1", "bot-2"];

    [Fact]
    public void Compose_Services_TwoBotsOnPostgresBehindTheProxyStartedInOrderOfHealth()
    {
        var compose = ComposeFile.Load();

        Assert.Equal(new[] { "bot-1", "bot-2", "postgres", "proxy" }, compose.Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order());
        Assert.StartsWith("postgres:", ComposeFile.Scalar(compose.Service("postgres"), "image"));
        Assert.StartsWith("nginx:", ComposeFile.Scalar(compose.Service("proxy"), "image"));
        foreach (var bot in Bots)
        {
            var service = compose.Service(bot);
            Assert.Equal("deploy/Dockerfile", ComposeFile.Scalar(service, "build", "dockerfile"));
            Assert.Equal("service_healthy", ComposeFile.Scalar(service, "depends_on", "postgres", "condition"));
            Assert.Equal("Postgres", ComposeFile.Scalar(service, "environment", "Storage__Provider"));
            Assert.Equal("Production", ComposeFile.Scalar(service, "environment", "ASPNETCORE_ENVIRONMENT"));
            Assert.Contains("Host=postgres;", ComposeFile.Scalar(service, "environment", "Storage__ConnectionString"));
            Assert.Contains("/readyz", string.Join(' ', compose.HealthCheck(bot)));
            Assert.False(service.Children.ContainsKey(new YamlScalarNode("ports")), $"{bot} is reached through the proxy only");
            Assert.Equal("service_healthy", ComposeFile.Scalar(compose.Service("proxy"), "depends_on", bot, "condition"));
        }
        Assert.Contains("pg_isready", compose.HealthCheck("postgres"));
        Assert.Contains("/readyz", string.Join(' ', compose.HealthCheck("proxy")));
        // The bots believe forwarded headers from the proxy's fixed address alone.
        var proxyAddress = ComposeFile.Scalar(compose.Service("proxy"), "networks", "closurebot", "ipv4_address");
        Assert.All(Bots, bot => Assert.Equal(proxyAddress, ComposeFile.Scalar(compose.Service(bot), "environment", "ForwardedHeaders__KnownProxies__0")));
    }

    [Fact]
    public void Compose_Secrets_ComeFromTheEnvironmentAndAreRequired()
    {
        var compose = ComposeFile.Load();
        var text = File.ReadAllText(ComposeFile.Path);

        Assert.Equal("${CLOSUREBOT_DB_PASSWORD:?set CLOSUREBOT_DB_PASSWORD}", ComposeFile.Scalar(compose.Service("postgres"), "environment", "POSTGRES_PASSWORD"));
        foreach (var bot in Bots)
        {
            Assert.EndsWith("Password=${CLOSUREBOT_DB_PASSWORD:?set CLOSUREBOT_DB_PASSWORD}", ComposeFile.Scalar(compose.Service(bot), "environment", "Storage__ConnectionString"));
            Assert.Equal("${CLOSUREBOT_ADMIN_API_KEY:?set CLOSUREBOT_ADMIN_API_KEY}", ComposeFile.Scalar(compose.Service(bot), "environment", "Admin__ApiKey"));
            Assert.Equal("${CLOSUREBOT_APP_PASSWORD:-}", ComposeFile.Scalar(compose.Service(bot), "environment", "Bot__MicrosoftAppPassword"));
        }
        // Every password setting left once the variable's is taken out would be a literal.
        var withoutTheVariable = text.Replace("Password=${CLOSUREBOT_DB_PASSWORD", "");
        Assert.DoesNotContain("Password=", withoutTheVariable);
    }

    [Fact]
    public void Compose_Proxy_MountsTheNginxConfigTheStandInRuns()
    {
        var mounts = ComposeFile.Load().Mounts("proxy");
        var config = Path.Combine(RepoPaths.Root, "deploy", "nginx.conf");
        var includes = Path.Combine(RepoPaths.Root, "deploy", "nginx");

        Assert.Equal("/etc/nginx/nginx.conf", mounts[config]);
        // nginx resolves "include nginx/…" against the folder of its config file: /etc/nginx/nginx/ in the container.
        Assert.Equal("/etc/nginx/nginx", mounts[includes]);
        Assert.Contains("include nginx/upstreams.conf;", File.ReadAllText(config));
        Assert.Contains("server bot-1:3978", File.ReadAllText(Path.Combine(includes, "upstreams.conf")));
        Assert.Contains("server bot-2:3978", File.ReadAllText(Path.Combine(includes, "upstreams.conf")));
        Assert.Contains("listen 80;", File.ReadAllText(Path.Combine(includes, "listen.conf")));
        var published = ((YamlSequenceNode)ComposeFile.Load().Service("proxy")["ports"]).Select(p => ((YamlScalarNode)p).Value!);
        Assert.Equal(":80", Assert.Single(published)[^3..]);
    }

    [Fact]
    public async Task Compose_BotHealthCheck_PassesOnAReadyBotAndFailsWithoutOne()
    {
        var command = ComposeFile.Load().HealthCheck("bot-1");
        var folder = Directory.CreateTempSubdirectory("closurebot-hc-").FullName;
        int ready, gone;
        await using (var bot = await BotChildProcess.StartAsync(folder))
        {
            ready = await RunAsync(command, bot.Url.Port);
            await bot.KillAsync();
            gone = await RunAsync(command, bot.Url.Port);
        }
        Directory.Delete(folder, recursive: true);

        Assert.Equal(0, ready);
        Assert.NotEqual(0, gone);
    }

    // The compose command with the container's port 3978 replaced by the child bot's.
    private static async Task<int> RunAsync(IReadOnlyList<string> command, int port)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument.Replace("/3978", $"/{port}"));
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return process.ExitCode;
    }
}
