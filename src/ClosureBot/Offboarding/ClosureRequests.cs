using ClosureBot.Accounts;
using ClosureBot.Closure;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Offboarding;

/// <summary>
/// The two ways the closure ends with a record: the logged closure request (after the typed confirmation), and the
/// term-commitment exception sending the customer to sales. Both are written in the turn's commit, with an audit entry.
/// </summary>
public sealed class ClosureRequests(AccountChooser accounts, IClosureLog log, OffboardingCards cards, TimeProvider time,
    ILogger<ClosureRequests> logger)
{
    /// <summary>The last step: the typed alias must match; the request is logged once per account.</summary>
    public async Task<DialogTurnResult> LogAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        var alias = step.State.AccountAlias!;
        var locale = CustomerLocale.Of(step.Context);
        var typed = Unquoted((step.Result as string)?.Trim().TrimEnd('.', '!'));
        if (!string.Equals(typed, alias, StringComparison.OrdinalIgnoreCase))
        {
            // "Not yet", "wait", "noch nicht": no mistyped alias, and no miss; the question waits.
            if (AnswerReader.Read(typed, step.Context.Activity.Locale) == AnswerKind.NotDone)
            {
                OffboardingDialog.Say(step, locale.Texts[TextId.ConfirmNotYet]);
                return await step.GoToStepAsync(OffboardingDialog.ConfirmAliasStep, null, ct);
            }
            step.State.Misses++;
            // The confirmation is the alias alone, so a slip of the keyboard cannot close an account. "confirm ACME" holds
            // it among other words: say so, instead of "That doesn't match ACME".
            OffboardingDialog.Say(step, locale.Texts.Format(AccountChooser.HoldsAlias(typed, alias) ? TextId.AliasNotAlone : TextId.AliasMismatch, alias));
            return step.State.Misses >= 3
                ? await OffboardingDialog.OfferSupportAndRepeatAsync(step, OffboardingDialog.ConfirmAliasStep, ct)
                : await step.GoToStepAsync(OffboardingDialog.ConfirmAliasStep, null, ct);
        }

        if (await accounts.AccessAsync(step, ct) is not { } access) return await accounts.RefuseAsync(step, ct);
        // The record may have changed since the exception was checked: a commitment on record is never closed here.
        if (access.Account.TermCommitment.Status == TermCommitmentStatus.OnRecord)
            return await RedirectToSalesAsync(step, access, "on record at confirmation", ct);

        var activity = step.Context.Activity;
        // A verified customer is recorded under the id their proof gives (a Teams user: the AAD object id), not from.id.
        var proven = access.Verified ? OffboardingTurn.Of(step.Context).Identity : null;
        var requester = new Requester(activity.ChannelId ?? "", proven?.UserId ?? activity.From?.Id ?? "", proven?.Name ?? activity.From?.Name, access.Verified);
        var now = time.GetUtcNow();
        var conversationId = activity.Conversation?.Id ?? "";
        var existing = await log.FindOpenAsync(alias, ct);
        if (existing is not null && !SamePerson(existing.Requester, requester))
        {
            // Someone else asked first: this customer learns only that a request exists and since when.
            OffboardingDialog.Say(step, OffboardingTexts.AlreadyRequested(locale, alias, existing.CreatedAt));
            return await OffboardingDialog.EndAsync(step, new OffboardingResult(OffboardingOutcome.Requested, alias)
            {
                AdditionalRequester = new AdditionalRequester(existing.Reference, requester, conversationId, now),
                Audit = [new AuditEvent(AuditEventKinds.ClosureRequestJoined, alias, requester, conversationId, now)],
            }, ct);
        }

        // The same person asking again is shown their open request; nothing new is written.
        var request = existing ?? NewRequest(step, access, requester, now);
        // The month the customer is in: a request late on the 31st in Berlin is already next month's.
        var monthEnd = locale.MonthEnd(now);
        step.Context.SendActivity(cards.Receipt(locale, request, monthEnd,
            locale.Texts.Format(TextId.Receipt, alias, request.Reference, locale.Texts.Date(monthEnd))));
        var ended = new OffboardingResult(OffboardingOutcome.Requested, alias, request.Reference);
        return await OffboardingDialog.EndAsync(step, existing is not null ? ended : ended with
        {
            NewClosureRequest = request,
            Audit = [new AuditEvent(AuditEventKinds.ClosureRequested, alias, requester, conversationId, now, request.Reference)],
        }, ct);
    }

    /// <summary>The exception: a cloud term commitment is closed through sales, with a terminate service order.</summary>
    public async Task<DialogTurnResult> RedirectToSalesAsync(WaterfallStepContext<OffboardingState> step, AccountAccessGrant access, string why,
        CancellationToken ct)
    {
        var activity = step.Context.Activity;
        var actor = AccountChooser.Actor(activity, access.Verified);
        var audit = new AuditEvent(AuditEventKinds.RedirectedToSales, access.Account.Alias, actor, activity.Conversation?.Id ?? "", time.GetUtcNow(),
            $"term commitment {why}");
        logger.LogInformation("Account {AccountAlias} sent to sales: term commitment {TermCommitmentSource}", access.Account.Alias, why);
        var t = CustomerLocale.TextsOf(step.Context);
        var reply = OffboardingDialog.Message(why.StartsWith("on record", StringComparison.Ordinal)
            ? OffboardingTexts.SalesOnRecord(t, access.Account.Alias)
            : t[step.State.HasTermCommitment is true ? TextId.SalesAnswered : TextId.SalesUnsure]);
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [SalesButton(access.Account.Alias, t[TextId.TalkToSales], "sales"), SalesButton(access.Account.Alias, t[TextId.TalkToSupport], "support")],
        };
        step.Context.SendActivity(reply);
        return await OffboardingDialog.EndAsync(step,
            new OffboardingResult(OffboardingOutcome.RedirectedToSales, step.State.AccountAlias) { Audit = [audit] }, ct);
    }

    // The flow ends here, so the button carries the account: the ticket names it (verified only if this turn's proof allows it).
    private static CardAction SalesButton(string alias, string title, string queue)
    {
        var button = OffboardingDialog.SupportButton(title, queue, "term-commitment");
        button.Value!["accountAlias"] = alias;
        return button;
    }

    private static ClosureRequest NewRequest(WaterfallStepContext<OffboardingState> step, AccountAccessGrant access, Requester requester, DateTimeOffset now) =>
        new(ClosureReference.Create(now), access.Account.Alias, requester, step.Context.Activity.Conversation?.Id ?? "", now,
            access.Account.CountsByKind(), step.State.HasTermCommitment ?? false, step.State.DataRetrievalAcknowledged);

    // The alias in quotes ("ACME", 'ACME', “ACME”, «ACME», `ACME`) is still the alias alone: the question quotes "cancel"
    // the same way. Only a pair around the whole answer comes off.
    private static string? Unquoted(string? typed) =>
        typed is { Length: > 2 } && Quotes.Contains(typed[0]) && Quotes.Contains(typed[^1]) ? typed[1..^1].Trim().TrimEnd('.', '!') : typed;

    private const string Quotes = "\"'“”„‘’‚«»‹›`";

    private static bool SamePerson(Requester a, Requester b) => a.ChannelId == b.ChannelId && a.UserId == b.UserId;
}
