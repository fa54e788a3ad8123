using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Offboarding;

/// <summary>
/// Only a person whose identity the channel proved, and who may administer the account, sees its resources and
/// requests its closure. In Development typed aliases keep working and everything says "not verified".
/// </summary>
public sealed class AccountAccessTests
{
    private const string Issuer = "https://portal.example.test";
    private const string IssuerKey = "portal-signing-key-for-tests-0123456789";

    [Fact]
    public async Task Unverified_WhenVerificationIsRequired_IsAskedToSignInAndSeesNoResources()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Identity:RequireVerified"] = "true" });
        var guest = app.WebChat();
        await guest.SendAll("I want to close my account", "yes");

        var answer = await guest.Send("ACME");

        answer.Says("To see an account's resources or request its closure").DoesNotSay("VA1ACMEWEB01").DoesNotSay("64.15.183.20").DoesNotSay("Cloud term commitment");
        (await guest.SendAll("no", "done", "done", "yes", "done", "yes", "ACME")).DoesNotSay("VA1ACMEWEB01").DoesNotSay("is logged");
        (await guest.Send("where do I find my alias?")).Says("Your account alias is the short code");
        (await guest.Send("talk to support")).Says("I've asked our support team to join this chat");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Unverified_InDevelopment_EveryAccountCardAndTheRecordSayNotVerified()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.SendAll(Script.To(OffboardingSteps.TermCommitment))).Says("Not verified");
        (await ann.Send("no")).Says("Step 1 of 5").Says("Not verified");
        var receipt = await ann.SendAll("done", "done", "yes", "done", "yes", "ACME");

        Assert.Equal("Not verified", receipt.Fact("Identity"));
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.False((bool)logged["requester"]!["verified"]!);
    }

    [Fact]
    public async Task Verified_PortalUserWithOneAccount_IsNotAskedAndClosesAsVerified()
    {
        await using var host = PortalHost();
        var jane = await PortalChat.StartAsync(host, Assertion("jane@example.test", "Jane Doe", "ACME"));

        await jane.SayAsync("I want to close my account");
        var afterYes = await jane.SayAsync("yes");
        Assert.DoesNotContain(afterYes, t => t.Contains("Which account do you want to close?"));
        Assert.Contains(afterYes, t => t.Contains("Do you have a cloud term commitment?"));
        var cards = await jane.SayAsync("no");
        Assert.DoesNotContain(cards, t => t.Contains("Not verified"));
        foreach (var text in new[] { "done", "done", "yes", "done", "yes" }) await jane.SayAsync(text);
        var receipt = await jane.SayAsync("ACME");

        Assert.Contains(receipt, t => t.StartsWith("Your closure request for ACME is logged", StringComparison.Ordinal));
        Assert.Contains(receipt, t => t.Contains("\"Verified\""));
    }

    [Fact]
    public async Task Verified_PortalUserWithoutTheAccount_IsRefusedWhetherOrNotItExists()
    {
        await using var host = PortalHost();
        var mallory = await PortalChat.StartAsync(host, Assertion("mallory@example.test", "Mallory", account: null));
        await mallory.SayAsync("I want to close my account");
        Assert.Contains(await mallory.SayAsync("yes"), t => t.Contains("no account is listed for you to administer"));

        var acme = await mallory.SayAsync("ACME");
        var nowhere = await mallory.SayAsync("NOSUCH");

        Assert.Contains(acme, t => t.Contains("doesn't let you act for the account \"ACME\""));
        Assert.Contains(nowhere, t => t.Contains("doesn't let you act for the account \"NOSUCH\""));
        Assert.DoesNotContain(acme, t => t.Contains("VA1ACMEWEB01") || t.Contains("Cloud term commitment"));
    }

    [Fact]
    public async Task Verified_PortalUserNamingAnotherAccountByNameOrTypo_LearnsNothingOfIt()
    {
        await using var host = PortalHost();
        var mallory = await PortalChat.StartAsync(host, Assertion("mallory@example.test", "Mallory", account: null));
        await mallory.SayAsync("I want to close my account");
        await mallory.SayAsync("yes");

        var byName = await mallory.SayAsync("my account is Acme Corporation");
        var byTypo = await mallory.SayAsync("ACMEE");

        foreach (var reply in byName.Concat(byTypo))
        {
            Assert.DoesNotContain("Did you mean", reply);
            Assert.DoesNotContain("VA1ACMEWEB01", reply);
            Assert.DoesNotContain("Cloud term commitment", reply);
        }
        Assert.DoesNotContain(byName, t => t.Contains("ACME"));
        Assert.Contains(byTypo, t => t.Contains("doesn't let you act for the account \"ACMEE\""));
    }

    [Fact]
    public async Task Verified_PortalUserNamingAnotherAccountAtTheStart_IsAskedForTheirAccountAndLearnsNothingOfIt()
    {
        await using var host = PortalHost();
        var mallory = await PortalChat.StartAsync(host, Assertion("mallory@example.test", "Mallory", account: null));
        await mallory.SayAsync("I want to close my account ACME");

        var afterYes = await mallory.SayAsync("yes");

        Assert.DoesNotContain(afterYes, t => t.Contains("VA1ACMEWEB01") || t.Contains("Cloud term commitment") || t.Contains("Do you have a cloud term commitment?"));
        Assert.DoesNotContain(afterYes, t => t.Contains("ACME"));
    }

    // A "Talk to sales" button names the account the sales exception was about; a forged one naming someone else's
    // account must not file a ticket about it, nor tell its resources in the handoff's event (or whether it exists).
    [Theory]
    [InlineData("ACME")]
    [InlineData("NOSUCH")]
    public async Task Verified_PortalUserForgingTheSalesButtonForAnotherAccount_LearnsNothingOfIt(string alias)
    {
        await using var host = PortalHost();
        var mallory = await PortalChat.StartAsync(host, Assertion("mallory@example.test", "Mallory", "EMPTY"));
        var client = new DirectLineTestClient(host.Client);
        var (_, watermark) = await client.GetActivitiesAsync(mallory.ConversationId, mallory.Token);

        var button = new JsonObject
        {
            ["type"] = "message", ["text"] = "Talk to sales",
            ["from"] = new JsonObject { ["id"] = mallory.UserId },
            ["value"] = new JsonObject { ["action"] = "support", ["queue"] = "sales", ["reason"] = "term-commitment", ["accountAlias"] = alias },
        };
        using var sent = await client.SendAsync(HttpMethod.Post, $"/conversations/{mallory.ConversationId}/activities", mallory.Token, button.ToJsonString());
        sent.EnsureSuccessStatusCode();
        var (activities, _) = await client.GetActivitiesAsync(mallory.ConversationId, mallory.Token, watermark);

        var initiate = Assert.Single(activities, a => (string?)a!["name"] == "handoff.initiate")!;
        Assert.Null((string?)initiate["value"]!["accountAlias"]);
        Assert.Null(initiate["value"]!["remaining"]);
        Assert.DoesNotContain("VA1ACMEWEB01", activities.ToJsonString());
        var ticket = Assert.Single(await host.Services.GetRequiredService<IHandoffDesk>().ListAsync(CancellationToken.None));
        Assert.Null(ticket.AccountAlias);
    }

    [Fact]
    public async Task ImpersonatedFromId_OverTheProtocol_IsNeverVerified()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Identity:RequireVerified"] = "true" });
        // The id a portal user gets is derived from the issuer and subject; knowing it proves nothing.
        var mallory = app.WebChat(userId: "dl_" + Guid.NewGuid().ToString("N"));
        await mallory.SendAll("I want to close my account", "yes");

        (await mallory.Send("ACME")).Says("To see an account's resources or request its closure").DoesNotSay("VA1ACMEWEB01");
    }

    [Fact]
    public async Task ImpersonatedPortalUser_ResumingTheirSavedPlace_IsRecordedUnverified()
    {
        await using var host = PortalHost();
        var jane = await PortalChat.StartAsync(host, Assertion("jane@example.test", "Jane Doe", "ACME"));
        foreach (var text in new[] { "I want to close my account", "yes", "no", "done" }) await jane.SayAsync(text);
        Assert.Contains(await jane.SayAsync("remind me later"), t => t.Contains("I've saved your place"));

        // Someone posts straight to /api/messages (Development, loopback) claiming Jane's channel id.
        var mallory = ConversationClient.FromPayload(host.Client, "webchat-message.json", jane.UserId, BotApplicationFactory.NewId("conv-"));
        (await mallory.Send("hi")).Says("Welcome back");
        (await mallory.Send("yes")).Says("Not verified");
        var receipt = await mallory.SendAll("done", "yes", "done", "yes", "ACME");

        Assert.Equal("Not verified", receipt.Fact("Identity"));
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.Folder, "closurebot.db")}");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT requester_verified FROM closure_requests WHERE account_alias = 'ACME'";
        Assert.Equal(0L, (long)query.ExecuteScalar()!);
    }

    private static DirectLineTestHost PortalHost() => new(settings: new Dictionary<string, string?>
    {
        ["WebChat:TrustedIssuer"] = Issuer,
        ["WebChat:TrustedIssuerKey"] = IssuerKey,
    });

    private static string Assertion(string subject, string name, string? account)
    {
        var claims = new JsonObject { ["iss"] = Issuer, ["sub"] = subject, ["name"] = name, ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds() };
        if (account is not null) claims["account"] = account;
        return HmacJwt.Sign(claims, Encoding.UTF8.GetBytes(IssuerKey));
    }

    /// <summary>A portal user's web chat over the app's Direct Line: each message returns what the bot said (texts and card JSON).</summary>
    private sealed class PortalChat(DirectLineTestClient client, string conversationId, string token, string userId)
    {
        private int _sent;

        public string UserId => userId;
        public string ConversationId => conversationId;
        public string Token => token;

        public static async Task<PortalChat> StartAsync(DirectLineTestHost host, string assertion)
        {
            using var response = await host.Client.PostAsJsonAsync("/api/webchat/token", new { assertion });
            response.EnsureSuccessStatusCode();
            var issued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var client = new DirectLineTestClient(host.Client);
            var started = await client.JsonAsync(HttpMethod.Post, "/conversations", (string)issued["token"]!, expectedStatus: 201);
            return new PortalChat(client, (string)issued["conversationId"]!, (string)started["token"]!, (string)issued["userId"]!);
        }

        public async Task<List<string>> SayAsync(string text)
        {
            var (_, watermark) = await client.GetActivitiesAsync(conversationId, token);
            await client.PostMessageAsync(conversationId, token, text, "c-" + _sent++);
            var (activities, _) = await client.GetActivitiesAsync(conversationId, token, watermark);
            return activities.Skip(1).Select(a => $"{(string?)a!["text"]} {a["attachments"]?.ToJsonString()}".Trim()).ToList();
        }
    }
}
