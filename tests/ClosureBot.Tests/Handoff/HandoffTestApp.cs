using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff;

/// <summary>
/// The app as the handoff tests use it: web chat over Direct Line, the desk the console calls, two agents; with a
/// <see cref="ConnectorChannel"/>, <c>/api/messages</c> takes only requests its tokens prove.
/// </summary>
public static class HandoffTestApp
{
    public static readonly SupportAgent Dana = new("dana", "Dana");
    public static readonly SupportAgent Sam = new("sam", "Sam");

    public static BotApplicationFactory Create(Dictionary<string, string?>? more = null, string storage = StorageProviders.Sqlite,
        ConnectorChannel? connector = null)
    {
        var settings = new Dictionary<string, string?> { ["Retention:Enabled"] = "false", ["DirectLine:Secret"] = DirectLineTestHost.Secret };
        foreach (var (key, value) in connector?.Settings ?? []) settings[key] = value;
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return new BotApplicationFactory(settings: settings, storage: storage, testServices: connector is null ? null : connector.Trust);
    }

    public static IHandoffDesk Desk(this BotApplicationFactory app) => app.Services.GetRequiredService<IHandoffDesk>();

    public static Task<WebChatCustomer> CustomerAsync(this BotApplicationFactory app) => WebChatCustomer.StartAsync(app.CreateClient());

    /// <summary>The one open ticket of <paramref name="conversationId"/>.</summary>
    public static async Task<HandoffTicket> TicketOfAsync(this BotApplicationFactory app, string conversationId)
    {
        var tickets = await app.Desk().ListAsync(CancellationToken.None);
        var ids = DatabaseProbe.Strings(app, $"SELECT id FROM handoff_tickets WHERE conversation_id = '{conversationId}' AND status <> 'Ended'");
        return Assert.Single(tickets, t => ids.Contains(t.Id));
    }

    public static async Task<IReadOnlyList<AuditEvent>> AuditAsync(this BotApplicationFactory app) =>
        await app.Services.GetRequiredService<IClosureLog>().ListAuditAsync(100, CancellationToken.None);

    /// <summary>The audit trail as support staff read it: <c>GET /admin/audit</c> with the admin key.</summary>
    public static async Task<JsonArray> AdminAuditAsync(this BotApplicationFactory app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/audit");
        request.Headers.Add("X-Api-Key", BotApplicationFactory.AdminKey);
        using var response = await app.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
