using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// Assemblies are loaded only by what needs them. The expression compiler (<c>System.Linq.Expressions</c>, about 2.4 MiB
/// resident) by the agent console's hub, when the first agent connects; MSAL (about 0.8 MiB) by the first Connector token;
/// the PDB reader (<c>System.Reflection.Metadata</c>) only to put file and line numbers into a stack trace, which no turn
/// should make. Customers' turns answered in the response body or over Direct Line, the pages and the health checks load
/// none of them (README, Load test). The bot runs as its own process, because the test process loads them all.
/// </summary>
public sealed class ExpressionCompilerTests : IDisposable
{
    private const string ExpressionCompiler = "System.Linq.Expressions.dll";
    private const string Msal = "Microsoft.Identity.Client.dll";
    private const string PdbReader = "System.Reflection.Metadata.dll";
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-expressions-").FullName;

    [Fact]
    public async Task BotStartedAlone_ServingCustomers_NeverLoadsTheExpressionCompilerMsalOrThePdbReader()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var bot = await BotChildProcess.StartAsync(_folder);

        foreach (var path in new[] { "/", "/healthz", "/readyz" })
        {
            using var page = await bot.Http.GetAsync(path);
            page.EnsureSuccessStatusCode();
        }
        // A customer over /api/messages, and one in the web chat (its token, a Direct Line conversation, a message).
        var customer = bot.WebChat();
        foreach (var text in new[] { "hi", "yes", "what's a term commitment?", "no" })
            Assert.NotEmpty((await customer.Send(text)).Activities);
        await WebChatCustomerSaysHiAsync(bot.Http);

        var mapped = bot.MappedFiles();
        Assert.Contains("System.Private.CoreLib.dll", mapped);
        Assert.DoesNotContain(ExpressionCompiler, mapped);
        Assert.DoesNotContain(Msal, mapped);
        Assert.DoesNotContain(PdbReader, mapped);
    }

    // Says "hi" and waits until the bot's welcome is in the conversation, so the turn has run before the maps are read.
    private static async Task WebChatCustomerSaysHiAsync(HttpClient http)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(new { }) };
        tokenRequest.Headers.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var token = (await SendAsync(http, tokenRequest))["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", token);
        var conversation = (await SendAsync(http, start))["conversationId"]!.GetValue<string>();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
        {
            Content = JsonContent.Create(new { type = "message", from = new { id = "customer" }, text = "hi" }),
        };
        post.Headers.Authorization = new("Bearer", token);
        await SendAsync(http, post);

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities");
        read.Headers.Authorization = new("Bearer", token);
        var activities = (await SendAsync(http, read))["activities"]!.AsArray();
        Assert.Contains(activities, a => (string?)a!["from"]?["id"] != "customer" && (string?)a!["type"] == "message");
    }

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public void Dispose() => TempFolder.Delete(_folder);
}
