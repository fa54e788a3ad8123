using System.Globalization;
using System.Text.Json;
using ClosureBot.Accounts;
using ClosureBot.Cards;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using Microsoft.Extensions.Options;

namespace ClosureBot.Offboarding;

/// <summary>Builds each screen's card: gathers the data a template in <c>cards/</c> expects and binds it.</summary>
public sealed class OffboardingCards(CardCatalog catalog, IOptions<SupportOptions> support, TimeProvider time)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public Activity Welcome() => Card("welcome", new { botName = "ClosureBot" });

    public Activity Overview(string? text = null) => Card("overview", new
    {
        steps = OffboardingSteps.Numbered.Select((s, i) => new { number = i + 1, title = s.Title, summary = Summaries[i] }),
    }, text);

    public Activity TermCommitment(AccountSnapshot account, bool verified, string? text) => Card("exception-term-commitment", new
    {
        accountAlias = account.Alias,
        accountName = account.Name,
        verified,
        termCommitmentOnRecord = account.TermCommitment.Status == TermCommitmentStatus.OnRecord,
        commitmentEndsOn = account.TermCommitment.EndsOn?.ToString("d MMMM yyyy", English),
    }, text);

    public Activity RetrieveData(AccountSnapshot account, bool verified, string text) => Card("step1-retrieve-data", new
    {
        accountAlias = account.Alias,
        verified,
        servers = account.Servers.Select(s => new { name = s.Name, kind = KindName(s.Kind), dataCenter = s.DataCenter, state = s.State.ToString() }),
        serverCount = account.Servers.Count,
        serviceTaskUrl = support.Value.ServiceTaskUrl,
    }, text);

    public Activity Servers(AccountSnapshot account, bool verified, string text) => Card("step2-servers", new
    {
        accountAlias = account.Alias,
        verified,
        groups = account.Servers.GroupBy(s => s.State).OrderBy(g => g.Key).Select(g => new
        {
            state = g.Key.ToString(),
            count = g.Count(),
            servers = g.Select(s => new { name = s.Name, kind = KindName(s.Kind), dataCenter = s.DataCenter }),
        }),
        totalRemaining = account.Servers.Count,
        checkedAt = Now(),
    }, text);

    public Activity Services(AccountSnapshot account, bool verified, string text) => Card("step3-services", new
    {
        accountAlias = account.Alias,
        verified,
        kinds = ServiceKinds.All.Select(kind => (kind, items: account.Services.Where(s => s.Kind == kind).ToList()))
            .Where(k => k.items.Count > 0)
            .Select(k => new { kind = ServiceKinds.DisplayName(k.kind), count = k.items.Count, items = k.items.Select(i => new { name = i.Name, location = i.Location }) }),
        totalRemaining = account.Services.Count,
        checkedAt = Now(),
    }, text);

    public Activity RequestClose(string alias, bool verified, string? text) => Card("step4-request-close", new { accountAlias = alias, verified }, text);

    public Activity Receipt(ClosureRequest request, DateOnly finalInvoiceAfter, string text) => Card("receipt", new
    {
        reference = request.Reference,
        accountAlias = request.AccountAlias,
        requestedAt = request.CreatedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", English),
        requesterName = request.Requester.Name ?? "Guest",
        verified = request.Requester.Verified,
        remaining = Remaining(request.RemainingResources),
        finalInvoiceAfter = finalInvoiceAfter.ToString("d MMMM yyyy", English),
    }, text);

    /// <summary>The progress card; <paramref name="account"/> (with <paramref name="verified"/>) only when the customer may see it.</summary>
    public Activity Progress(string? alias, string currentStep, AccountSnapshot? account, bool verified, string text)
    {
        var current = OffboardingSteps.NumberOf(currentStep);
        return Card("progress", new
        {
            accountAlias = alias ?? "not chosen yet",
            verified = verified || alias is null,
            steps = OffboardingSteps.Numbered.Select((s, i) => new
            {
                number = i + 1,
                title = s.Title,
                status = current == 0 || i + 1 > current ? "pending" : i + 1 == current ? "current" : "done",
            }),
            remaining = account is null ? [] : Remaining(account.CountsByKind()),
        }, text);
    }

    public Activity Resume(string? alias, string stepId, DateTimeOffset savedAt, string text) => Card("resume", new
    {
        accountAlias = alias ?? "your account",
        stepTitle = OffboardingSteps.Describe(stepId),
        savedAt = savedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", English),
    }, text);

    private static readonly string[] Summaries =
    [
        "Copy anything you want to keep off your servers.",
        "Remove your servers so they stop costing you.",
        "Remove networks, IP addresses, VPNs, load balancers, storage and apps.",
        "Confirm, and we log your closure request.",
        "Your final invoice follows the close of the month.",
    ];

    private static object[] Remaining(IReadOnlyDictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0).Select(c => (object)new { kind = ServiceKinds.DisplayName(c.Key), count = c.Value }).ToArray();

    private static string KindName(ServerKind kind) => kind == ServerKind.BareMetal ? "Bare metal" : "Virtual";

    private string Now() => time.GetUtcNow().UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", English);

    private Activity Card(string template, object data, string? text = null)
    {
        var card = catalog.BindToUtf8(template, JsonSerializer.SerializeToNode(data, ProtocolJson.Options));
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Speak = TopLevelString(card, "speak"u8),
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = PreSerializedJson.ToNode(card) }],
        };
    }

    private static string? TopLevelString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> property)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return null;
    }
}
