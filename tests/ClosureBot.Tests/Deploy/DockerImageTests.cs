using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Handoff.AgentConsole;
using ClosureBot.Protocol.Tests.Support;
using ClosureBot.Tests.Browser;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Identity;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

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
    public async Task Image_PublishedByItsOwnCommand_PassesItsHealthCheckGreetsInGermanLogsAClosureSignsAnAgentInOnBothStoresTellsItOfACustomerSignsACustomerInAnswersTeamsAndRefusesABadSetting()
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

            // Typed account aliases, as a deployment without a customer sign-in allows (Identity:RequireVerified=false), so a
            // customer can walk the whole closure below.
            (string, string) typedAliases = ("Identity__RequireVerified", "false");
            await WithEntryPointAsync(image, app, data, [typedAliases], async (port, http) =>
            {
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

                // The image's build is trimmed (deploy/Dockerfile): what the framework lost must not be what a customer or an
                // agent reaches. A whole closure over Direct Line (activities, state, cards and the outbox as JSON; the
                // closure log), then an agent's sign-in (the password hasher, Data Protection's key ring for the anti-forgery
                // and session cookies, the console's session as JSON) and the console's hub (SignalR) telling the agent of a
                // customer who asks for support.
                Assert.Contains("Your closure request for ACME is logged. Your reference is CLS-", await WalkTheClosureAsync(http));
                Assert.Equal(1L, ClosureRequestsFor("ACME", Path.Combine(data, "closurebot.db")));
                await AgentHearsOfACustomerAsync(port, http, await SignInAsync(port));
            });

            // The same on PostgreSQL, as deploy/compose.yaml runs it: Npgsql, the PostgreSQL store and its key ring.
            var database = PostgresServer.CreateDatabase();
            try
            {
                await WithEntryPointAsync(image, app, data, [typedAliases, ("Storage__Provider", "Postgres"), ("Storage__ConnectionString", database)],
                    async (port, http) =>
                    {
                        Assert.Contains("Your closure request for ACME is logged. Your reference is CLS-", await WalkTheClosureAsync(http));
                        await SignInAsync(port);
                    });
            }
            finally
            {
                PostgresServer.DropDatabase(database);
            }

            await SignsACustomerInAsync(image, app, work);
            await AnswersATeamsMessageAsync(image, app, data, work);

            // A setting out of range still stops the start, naming it: the options' validation reads their attributes by
            // reflection.
            lock (_output) _output.Clear(); // the earlier instances' lines are not this start's
            using var refused = StartEntryPoint(image, app, data, LoopbackPort.Free(), ("Storage__Provider", "Mongo"));
            Assert.True(refused.WaitForExit(TimeSpan.FromSeconds(60)), "the published app started with Storage:Provider=Mongo");
            refused.WaitForExit();
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("'Provider' with the error", Output());
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
    private Process StartEntryPoint(Dockerfile image, string app, string data, int port, params (string Name, string Value)[] more)
    {
        var start = new ProcessStartInfo(Path.Combine(app, image.EntryPoint[0])) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in image.EntryPoint.Skip(1)) start.ArgumentList.Add(argument.Replace("http://+:3978", $"http://127.0.0.1:{port}"));
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS" })
            start.Environment.Remove(name);
        foreach (var (name, value) in image.Environment) start.Environment[name] = value.Replace("/data/", data + "/");
        start.Environment["Bot__MessagesEndpointEnabled"] = "false";
        foreach (var (name, value) in AgentSettings) start.Environment[name] = value;
        foreach (var (name, value) in more) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The entry point started with these settings, once its health check passes: the check, then the process stopped.
    private async Task WithEntryPointAsync(Dockerfile image, string app, string data, (string Name, string Value)[] settings,
        Func<int, HttpClient, Task> check)
    {
        var port = LoopbackPort.Free();
        using var bot = StartEntryPoint(image, app, data, port, settings);
        try
        {
            await WaitUntilHealthyAsync(image, port, bot);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await check(port, http);
        }
        finally
        {
            if (!bot.HasExited) bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    // The customer's sign-in as the image runs by default: Production, where a customer must sign in before acting for an
    // account (Identity:RequireVerified is left unset). A person in headless Chromium signs in through OpenID Connect
    // against a real provider on loopback (npm oidc-provider: the handler's discovery, PKCE, the code's redemption, the ID
    // token's validation, the correlation and session cookies), closes ACME without being asked which account, and signs
    // out. Its own store, so ACME has no open request from the walks above.
    private async Task SignsACustomerInAsync(Dockerfile image, string app, string work)
    {
        var data = Path.Combine(work, "data-signin");
        Directory.CreateDirectory(data);
        await using var provider = await OidcTestProvider.StartAsync();
        var settings = provider.AppSettings().Where(s => s.Key != "Identity:RequireVerified")
            .Select(s => (s.Key.Replace(":", "__"), s.Value!)).ToArray();
        await WithEntryPointAsync(image, app, data, settings, async (_, http) =>
        {
            await provider.ServeAsync(http.BaseAddress!);
            var report = await WebChatDriver.RunScriptAsync("Browser/signin-drive.mjs", new JsonObject
            {
                ["baseUrl"] = http.BaseAddress!.GetLeftPart(UriPartial.Authority),
                ["providerUrl"] = provider.Authority,
                ["scenario"] = "verified",
                ["login"] = OidcTestProvider.Admin,
                ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
                ["screenshotPrefix"] = "image-signin",
            }, "sign-in on the published build");
            Assert.Empty(report["pageErrors"]!.AsArray());
            Assert.Empty(report["externalRequests"]!.AsArray());
            Assert.True((bool?)report["signInOffered"]);
            Assert.Equal($"Signed in as {OidcTestProvider.AdminName}", (string?)report["session"]);
            Assert.False((bool?)report["askedForAccount"]);
            var reference = Regex.Match((string?)report["receiptReference"] ?? "", @"CLS-\d{8}-[A-Z0-9]+").Value;
            Assert.NotEmpty(reference);
            Assert.Equal("Guest session", (string?)report["afterSignOut"]!["session"]);
            Assert.Equal((OidcTestProvider.AdminName, 1L), RequesterOf(reference, Path.Combine(data, "closurebot.db")));
        });
    }

    // A Teams message over the Bot Framework protocol, against the local stand-ins of Azure Bot Service: the channel's token
    // checked against the OpenID provider's keys (over HTTPS, its test CA trusted through SSL_CERT_FILE), and the replies
    // posted to the Connector with a token from the provider's login (MSAL).
    private async Task AnswersATeamsMessageAsync(Dockerfile image, string app, string data, string work)
    {
        using var ca = new TestCertificateAuthority();
        await using var provider = await FakeOpenIdProvider.StartAsync(ca);
        var key = provider.AddChannelKey("msteams");
        await using var connector = await FakeConnector.StartAsync();
        var trusted = Path.Combine(work, "test-ca.pem");
        await File.WriteAllTextAsync(trusted, ca.Authority.ExportCertificatePem());
        (string, string)[] azureBotService =
        [
            ("Bot__MessagesEndpointEnabled", "true"), ("Bot__MicrosoftAppId", TeamsAppId), ("Bot__MicrosoftAppPassword", $"secret-{Guid.NewGuid():N}"),
            ("Bot__ToBotFromChannelOpenIdMetadataUrl", provider.ChannelMetadataUrl), ("Bot__ToBotFromEmulatorOpenIdMetadataUrl", provider.EmulatorMetadataUrl),
            ("Bot__ToChannelFromBotLoginUrl", provider.LoginUrl), ("Bot__AllowedServiceUrlHosts__0", "*.botframework.com"), ("SSL_CERT_FILE", trusted),
        ];
        await WithEntryPointAsync(image, app, data, azureBotService, async (_, http) =>
        {
            var message = ConversationClient.FromPayload(http, "teams-message.json", BotApplicationFactory.NewId("29:"), BotApplicationFactory.NewId("a:"))
                .Message("I want to close my account", null);
            message["serviceUrl"] = connector.ServiceUrl;
            message.Remove("deliveryMode");
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json") };
            post.Headers.TryAddWithoutValidation("Authorization", "Bearer " + FakeOpenIdProvider.ChannelToken(key, TeamsAppId, connector.ServiceUrl));
            using var posted = await http.SendAsync(post);
            Assert.True(posted.StatusCode == HttpStatusCode.OK, $"Teams message: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}\n{Output()}");
            await connector.WaitForDeliveredAsync(3, TimeSpan.FromSeconds(10));
            Assert.Contains(connector.Delivered, reply => reply.Text == "Shall we start?");
            Assert.All(connector.Delivered, reply => Assert.StartsWith("Bearer outbound-", reply.Authorization));
        });
    }

    private readonly StringBuilder _output = new();

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

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
        var chat = await StartWebChatAsync(http, locale);
        var (greeting, _) = await BotRepliesAsync(http, chat, "");
        return greeting[0]!;
    }

    private const string TeamsAppId = "3f6c2a8e-5b1d-4e7f-9a0c-1d2e3f4a5b6c";

    private static readonly string AgentPassword = $"Image-{Guid.NewGuid():N}";
    private static readonly Lazy<string> AgentPasswordHash = new(() => AgentCredentials.Hash(AgentPassword));

    // One agent, set as an operator would in the container's environment.
    private static IEnumerable<(string, string)> AgentSettings =>
    [
        ("Support__Agents__0__UserName", "dana"), ("Support__Agents__0__DisplayName", "Dana Reyes"),
        ("Support__Agents__0__PasswordHash", AgentPasswordHash.Value),
    ];

    // A new English web chat conversation walking the whole closure of ACME; returns the last turn's replies as JSON.
    private static async Task<string> WalkTheClosureAsync(HttpClient http)
    {
        var chat = await StartWebChatAsync(http, "en-US");
        var (replies, watermark) = await BotRepliesAsync(http, chat, "");
        foreach (var text in Script.HappyPath) (replies, watermark) = await SayAsync(http, chat, text, watermark);
        return replies.ToJsonString();
    }

    // The customer's message, then the bot's replies to it.
    private static async Task<(JsonArray Replies, string Watermark)> SayAsync(HttpClient http, WebChat chat, string text, string watermark)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, chat.Activities)
        {
            Content = JsonContent.Create(new { type = "message", text, locale = "en-US", from = new { id = "image-customer" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Bearer);
        using var posted = await http.SendAsync(post);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"posting \"{text}\": {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
        return await BotRepliesAsync(http, chat, watermark);
    }

    // A web chat conversation's activities and the bearer token that reads and posts them.
    private sealed record WebChat(string Activities, string Bearer);

    private static async Task<WebChat> StartWebChatAsync(HttpClient http, string locale)
    {
        using var tokenResponse = await http.PostAsJsonAsync("/api/webchat/token", new { });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)token["token"]!);
        using var started = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return new WebChat($"/v3/directline/conversations/{(string)token["conversationId"]!}/activities",
            (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["token"]!);
    }

    // The bot's activities after the watermark, once there are any (a turn's replies are appended together).
    private static async Task<(JsonArray Replies, string Watermark)> BotRepliesAsync(HttpClient http, WebChat chat, string watermark)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"{chat.Activities}?watermark={watermark}");
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Bearer);
            using var response = await http.SendAsync(read);
            var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var fromBot = set["activities"]!.AsArray().Where(a => (string?)a!["from"]!["role"] == "bot").Select(a => a!.DeepClone()).ToArray();
            if (fromBot.Length > 0) return (new JsonArray(fromBot), (string)set["watermark"]!);
            Assert.True(DateTime.UtcNow < deadline, $"No reply within 20 s after watermark {watermark}");
            await Task.Delay(100);
        }
    }

    private static long ClosureRequestsFor(string account, string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM closure_requests WHERE account_alias = $account";
        command.Parameters.AddWithValue("$account", account);
        return (long)command.ExecuteScalar()!;
    }

    // Who the closure log says asked for the request with this reference, and whether they were verified (1).
    private static (string? Name, long Verified) RequesterOf(string reference, string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT requester_name, requester_verified FROM closure_requests WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        using var row = command.ExecuteReader();
        Assert.True(row.Read(), $"no closure request {reference} in the log");
        return (row.IsDBNull(0) ? null : row.GetString(0), row.GetInt64(1));
    }

    // The sign-in form as a browser sends it: its anti-forgery token and cookie, then the session cookie the console takes.
    // Returns the session's cookies and the console API's anti-forgery token.
    private static async Task<(CookieContainer Cookies, string ApiToken)> SignInAsync(int port)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30),
        };
        var form = await browser.GetStringAsync("/agent/signin");
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(antiforgery);
        using var signIn = await browser.PostAsync("/agent/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery), ["userName"] = "dana", ["password"] = AgentPassword,
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
        Assert.Equal("/agent", signIn.Headers.Location?.OriginalString);
        using var console = await browser.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var session = JsonNode.Parse(await browser.GetStringAsync("/agent/api/session"))!;
        Assert.Equal(("dana", "Dana Reyes"), ((string?)session["agent"]!["userName"], (string?)session["agent"]!["displayName"]));
        return (cookies, (string)session["antiforgeryToken"]!);
    }

    // The console's hub as its page connects (WebSockets, the session cookie, the API's anti-forgery token): a customer who
    // asks for support in web chat reaches the signed-in agent as a waiting ticket.
    private static async Task AgentHearsOfACustomerAsync(int port, HttpClient http, (CookieContainer Cookies, string ApiToken) agent)
    {
        var hubUrl = new Uri($"http://127.0.0.1:{port}/agent/hub");
        await using var hub = new HubConnectionBuilder().WithUrl(hubUrl, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.Headers["Cookie"] = agent.Cookies.GetCookieHeader(hubUrl);
            options.Headers["RequestVerificationToken"] = agent.ApiToken;
        }).Build();
        var ticket = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("ticketChanged", t => ticket.TrySetResult(t));
        await hub.StartAsync();
        await hub.InvokeAsync("Ready");

        var chat = await StartWebChatAsync(http, "en-US");
        var (_, watermark) = await BotRepliesAsync(http, chat, "");
        await SayAsync(http, chat, "talk to support", watermark);
        var queued = await ticket.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(("waiting", "support"), (queued.GetProperty("status").GetString(), queued.GetProperty("queue").GetString()));
    }
}
