using System.Collections.Concurrent;
using System.Text.Json;
using ClosureBot.Accounts;
using ClosureBot.Cards;
using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using Microsoft.Extensions.Options;

namespace ClosureBot.Offboarding;

/// <summary>Builds each screen's card: gathers the data a template in <c>cards/</c> expects and binds it.</summary>
/// <remarks>Every card is in the customer's language (<see cref="CustomerLocale"/>): its template compiled with that
/// language's strings, its data (step titles, kinds, states, dates) written in that language and their time zone.</remarks>
public sealed class OffboardingCards(CardCatalog catalog, IOptions<SupportOptions> support, TimeProvider time)
{
    // Cards whose data depends on the language alone, bound once per language: the same bytes answer every customer.
    private readonly ConcurrentDictionary<(string Template, string Language), BoundCard> _fixed = new();

    public Activity Welcome(CustomerLocale locale) => FixedCard(locale, "welcome", static _ => new { botName = "ClosureBot" });

    public Activity Overview(CustomerLocale locale, string? text = null) => FixedCard(locale, "overview", static t => new
    {
        steps = OffboardingSteps.Numbered.Select((s, i) => new { number = i + 1, title = t[s.Title], summary = t[s.Summary] }),
    }, text);

    public Activity TermCommitment(CustomerLocale locale, AccountSnapshot account, bool verified, string? text) => Card(locale, "exception-term-commitment", new
    {
        accountAlias = account.Alias,
        accountName = account.Name,
        verified,
        termCommitmentOnRecord = account.TermCommitment.Status == TermCommitmentStatus.OnRecord,
        commitmentEndsOn = account.TermCommitment.EndsOn?.ToString(locale.Texts[TextId.FactDateFormat], locale.Texts.Culture),
    }, text);

    public Activity RetrieveData(CustomerLocale locale, AccountSnapshot account, bool verified, string text) => Card(locale, "step1-retrieve-data", new
    {
        accountAlias = account.Alias,
        verified,
        servers = account.Servers.Select(s => new { name = s.Name, kind = KindName(locale.Texts, s.Kind), dataCenter = s.DataCenter, state = StateName(locale.Texts, s.State) }),
        serverCount = account.Servers.Count,
        serviceTaskUrl = support.Value.ServiceTaskUrl,
    }, text);

    public Activity Servers(CustomerLocale locale, AccountSnapshot account, bool verified, string text) => Card(locale, "step2-servers", new
    {
        accountAlias = account.Alias,
        verified,
        groups = account.Servers.GroupBy(s => s.State).OrderBy(g => g.Key).Select(g => new
        {
            state = StateName(locale.Texts, g.Key),
            count = g.Count(),
            servers = g.Select(s => new { name = s.Name, kind = KindName(locale.Texts, s.Kind), dataCenter = s.DataCenter }),
        }),
        totalRemaining = account.Servers.Count,
        checkedAt = locale.DateTime(time.GetUtcNow()),
    }, text);

    public Activity Services(CustomerLocale locale, AccountSnapshot account, bool verified, string text) => Card(locale, "step3-services", new
    {
        accountAlias = account.Alias,
        verified,
        kinds = ServiceKinds.All.Select(kind => (kind, items: account.Services.Where(s => s.Kind == kind).ToList()))
            .Where(k => k.items.Count > 0)
            .Select(k => new { kind = ServiceKinds.DisplayName(locale.Texts, k.kind), count = k.items.Count, items = k.items.Select(i => new { name = i.Name, location = i.Location }) }),
        totalRemaining = account.Services.Count,
        checkedAt = locale.DateTime(time.GetUtcNow()),
    }, text);

    public Activity RequestClose(CustomerLocale locale, string alias, bool verified, string? text) =>
        Card(locale, "step4-request-close", new { accountAlias = alias, verified }, text);

    public Activity Receipt(CustomerLocale locale, ClosureRequest request, DateOnly finalInvoiceAfter, string text) => Card(locale, "receipt", new
    {
        reference = request.Reference,
        accountAlias = request.AccountAlias,
        requestedAt = locale.DateTime(request.CreatedAt),
        requesterName = request.Requester.Name ?? locale.Texts[TextId.Guest],
        verified = request.Requester.Verified,
        remaining = Remaining(locale.Texts, request.RemainingResources),
        finalInvoiceAfter = locale.Texts.Date(finalInvoiceAfter),
    }, text);

    /// <summary>The progress card; <paramref name="account"/> (with <paramref name="verified"/>) only when the customer may see it.</summary>
    public Activity Progress(CustomerLocale locale, string? alias, string currentStep, AccountSnapshot? account, bool verified, string text)
    {
        var current = OffboardingSteps.NumberOf(currentStep);
        return Card(locale, "progress", new
        {
            accountAlias = alias ?? locale.Texts[TextId.NotChosenYet],
            verified = verified || alias is null,
            steps = OffboardingSteps.Numbered.Select((s, i) => new
            {
                number = i + 1,
                title = locale.Texts[s.Title],
                status = current == 0 || i + 1 > current ? "pending" : i + 1 == current ? "current" : "done",
            }),
            remaining = account is null ? [] : Remaining(locale.Texts, account.CountsByKind()),
        }, text);
    }

    public Activity Resume(CustomerLocale locale, string? alias, string stepId, DateTimeOffset savedAt, string text) => Card(locale, "resume", new
    {
        accountAlias = alias ?? locale.Texts[TextId.YourAccount],
        stepTitle = OffboardingSteps.Describe(locale.Texts, stepId),
        savedAt = locale.DateTime(savedAt),
    }, text);

    private static object[] Remaining(LocaleTable t, IReadOnlyDictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0).Select(c => (object)new { kind = ServiceKinds.DisplayName(t, c.Key), count = c.Value }).ToArray();

    private static string KindName(LocaleTable t, ServerKind kind) => t[kind == ServerKind.BareMetal ? TextId.BareMetal : TextId.Virtual];

    private static string StateName(LocaleTable t, ServerState state) => t[state switch
    {
        ServerState.Running => TextId.StateRunning,
        ServerState.Stopped => TextId.StateStopped,
        ServerState.Paused => TextId.StatePaused,
        _ => TextId.StateArchived,
    }];

    private Activity Card(CustomerLocale locale, string template, object data, string? text = null) =>
        ToActivity(Bind(locale.Texts, template, data), text);

    private Activity FixedCard(CustomerLocale locale, string template, Func<LocaleTable, object> data, string? text = null) =>
        ToActivity(_fixed.GetOrAdd((template, locale.Texts.Language), key => Bind(locale.Texts, key.Template, data(locale.Texts))), text);

    private BoundCard Bind(LocaleTable texts, string template, object data)
    {
        var card = catalog.BindDataToUtf8(template, texts.Language, data);
        return new BoundCard(card, TopLevelString(card, "speak"u8));
    }

    // The bytes are never written to after binding, so activities may share them.
    private static Activity ToActivity(BoundCard card, string? text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Speak = card.Speak,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = PreSerializedJson.ToNode(card.Utf8) }],
    };

    private sealed record BoundCard(byte[] Utf8, string? Speak);

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
