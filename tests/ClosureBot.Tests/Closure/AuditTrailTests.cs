using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Closure;

/// <summary>
/// What the closure's ends write to the audit trail, as support staff read it from <c>GET /admin/audit</c>: the request,
/// a second person added to it, the customer sent to sales; and nothing for a closure that requested nothing.
/// </summary>
public class AuditTrailTests
{
    [Fact]
    public async Task Audit_ClosureRequested_OneEntryNamingTheRequestAndWhoAsked()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        var reference = (await ann.SendAll(Script.HappyPath)).Fact("Reference");

        Assert.NotNull(reference);
        var entry = Assert.Single(ClosureEntries(await AuditAsync(app)))!;
        Assert.Equal("closure-requested", (string?)entry["kind"]);
        Assert.Equal("ACME", (string?)entry["accountAlias"]);
        Assert.Equal(reference, (string?)entry["detail"]);
        Assert.Equal(ann.ConversationId, (string?)entry["conversationId"]);
        Assert.Equal(ann.UserId, (string?)entry["actor"]!["userId"]);
        Assert.Equal("webchat", (string?)entry["actor"]!["channelId"]);
    }

    [Fact]
    public async Task Audit_SameCustomerAsksAgain_NoSecondEntry()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.HappyPath);

        (await ann.NewConversation().SendAll(Script.HappyPath)).Says("Your reference is");

        Assert.Equal(["closure-requested"], ClosureEntries(await AuditAsync(app)).Select(e => (string?)e!["kind"]));
    }

    [Fact]
    public async Task Audit_SecondRequester_RecordedAsJoiningWithTheirConversation()
    {
        await using var app = new BotApplicationFactory();
        await app.WebChat().SendAll(Script.HappyPath);
        var bob = app.Teams();

        (await bob.SendAll(Script.HappyPath)).Says("A request to close ACME already exists");

        var entries = ClosureEntries(await AuditAsync(app));
        Assert.Single(entries, e => (string?)e!["kind"] == "closure-requested");
        var joined = Assert.Single(entries, e => (string?)e!["kind"] == "closure-request-joined")!;
        Assert.Equal("ACME", (string?)joined["accountAlias"]);
        Assert.Equal(bob.ConversationId, (string?)joined["conversationId"]);
        Assert.Equal(bob.UserId, (string?)joined["actor"]!["userId"]);
        Assert.Equal("msteams", (string?)joined["actor"]!["channelId"]);
    }

    [Fact]
    public async Task Audit_TermCommitmentAnsweredYes_RedirectedToSalesAndNothingRequested()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send("yes")).Says("sales");

        var entry = Assert.Single(ClosureEntries(await AuditAsync(app)))!;
        Assert.Equal("redirected-to-sales", (string?)entry["kind"]);
        Assert.Equal("ACME", (string?)entry["accountAlias"]);
        Assert.Equal("term commitment answered yes", (string?)entry["detail"]);
        Assert.Equal(ann.ConversationId, (string?)entry["conversationId"]);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Audit_CancelledAtTheConfirmation_NothingWritten()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RequestClose));

        await ann.Send("cancel");
        (await ann.Send("yes")).Says("Nothing has been requested");

        Assert.Empty(ClosureEntries(await AuditAsync(app)));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    private static List<JsonNode?> ClosureEntries(JsonArray audit) =>
        audit.Where(e => (string?)e!["kind"] is "closure-requested" or "closure-request-joined" or "redirected-to-sales").ToList();

    private static async Task<JsonArray> AuditAsync(BotApplicationFactory app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/audit");
        request.Headers.Add("X-Api-Key", BotApplicationFactory.AdminKey);
        using var response = await app.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
