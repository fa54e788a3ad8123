using ClosureBot.Accounts;
using ClosureBot.Closure;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Identity;
using ClosureBot.Protocol.Activities;
using ClosureBot.Storage;

namespace ClosureBot.Offboarding;

/// <summary>
/// The account closure, as the article tells it: overview, account, the term-commitment exception, then the five
/// steps one at a time, ending with the logged closure request and the final-invoice step.
/// </summary>
public sealed class OffboardingDialog : WaterfallDialog<OffboardingState>
{
    public const string DialogId = "offboarding";
    private const string AskConfirmation = "ask-confirmation";

    private static readonly Choice Done = new("done") { Title = "Done", Synonyms = ["finished", "completed", "complete", "all done", "ready", "next"] };
    private static readonly Choice NeedHelp = new(Intents.Help) { Title = "I need help" };
    private static readonly Choice RemindLater = new(Intents.RemindLater) { Title = "Remind me later" };
    private static readonly Choice CheckAgain = new(Intents.CheckAgain) { Title = "Check again", Synonyms = ["refresh", "recheck"] };

    /// <summary>Which screen a waterfall step belongs to (a prompt waits at the step that asked it).</summary>
    private static readonly Dictionary<string, string> ScreenOfStep = new()
    {
        ["overview"] = OffboardingSteps.Overview, ["overview-answer"] = OffboardingSteps.Overview,
        ["account"] = OffboardingSteps.Account, ["account-answer"] = OffboardingSteps.Account,
        ["term-commitment"] = OffboardingSteps.TermCommitment, ["term-commitment-answer"] = OffboardingSteps.TermCommitment,
        ["retrieve-data"] = OffboardingSteps.RetrieveData, ["retrieve-data-answer"] = OffboardingSteps.RetrieveData,
        ["delete-servers"] = OffboardingSteps.DeleteServers, ["delete-servers-answer"] = OffboardingSteps.DeleteServers,
        ["servers-remaining-answer"] = OffboardingSteps.DeleteServers,
        ["delete-services"] = OffboardingSteps.DeleteServices, ["delete-services-answer"] = OffboardingSteps.DeleteServices,
        ["services-remaining-answer"] = OffboardingSteps.DeleteServices,
        ["request-close"] = OffboardingSteps.RequestClose, [AskConfirmation] = OffboardingSteps.RequestClose,
        ["confirmation-answer"] = OffboardingSteps.RequestClose,
    };

    private readonly IAccountInventory _inventory;
    private readonly AccountAccess _access;
    private readonly IBotStore _store;
    private readonly OffboardingCards _cards;
    private readonly TimeProvider _time;

    public OffboardingDialog(IAccountInventory inventory, AccountAccess access, IBotStore store, OffboardingCards cards, TimeProvider time)
        : base(DialogId)
    {
        _inventory = inventory;
        _access = access;
        _store = store;
        _cards = cards;
        _time = time;
        DefineSteps(Steps());
    }

    /// <summary>Bump when the steps change: conversations saved under another version restart politely.</summary>
    public override string Version => "1";

    /// <summary>The screen (step id as card buttons carry it) a conversation stands at.</summary>
    public string CurrentScreen(DialogInstance instance) => ScreenOfStep.GetValueOrDefault(CurrentStepName(instance), OffboardingSteps.Overview);

    /// <summary>The steps, in order. Kept here, in one place, so the conversation reads top to bottom.</summary>
    private IEnumerable<(string, WaterfallStep<OffboardingState>)> Steps() =>
    [
        ("overview", ShowOverviewStepAsync),
        ("overview-answer", HandleOverviewAnswerStepAsync),
        ("account", AskAccountStepAsync),
        ("account-answer", CheckAccountStepAsync),
        ("term-commitment", AskTermCommitmentStepAsync),
        ("term-commitment-answer", HandleTermCommitmentStepAsync),
        ("retrieve-data", ShowDataRetrievalStepAsync),
        ("retrieve-data-answer", AcknowledgeDataRetrievalStepAsync),
        ("delete-servers", (step, ct) => ShowRemainingAsync(step, RemainingResourceStep.Servers, ct)),
        ("delete-servers-answer", (step, ct) => WarnIfAnyRemainAsync(step, RemainingResourceStep.Servers, ct)),
        ("servers-remaining-answer", (step, ct) => HandleRemainingAnswerAsync(step, RemainingResourceStep.Servers, ct)),
        ("delete-services", (step, ct) => ShowRemainingAsync(step, RemainingResourceStep.Services, ct)),
        ("delete-services-answer", (step, ct) => WarnIfAnyRemainAsync(step, RemainingResourceStep.Services, ct)),
        ("services-remaining-answer", (step, ct) => HandleRemainingAnswerAsync(step, RemainingResourceStep.Services, ct)),
        ("request-close", ShowRequestToCloseStepAsync),
        (AskConfirmation, AskForTypedConfirmationStepAsync),
        ("confirmation-answer", LogClosureRequestStepAsync),
    ];

    private async Task<DialogTurnResult> ShowOverviewStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        step.State.StartedAt ??= _time.GetUtcNow();
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = _cards.Overview("Shall we start?"),
            RetryText = "Shall we start? Please answer yes or no.",
        }, ct);
    }

    private async Task<DialogTurnResult> HandleOverviewAnswerStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted) return await OfferSupportAndRepeatAsync(step, "overview", ct);
        if (step.Result is true) return await step.NextAsync(null, ct);
        Say(step, "No problem — nothing on your account has changed. Whenever you're ready, just say \"close my account\".");
        return await EndAsync(step, OffboardingOutcome.NotStarted, ct);
    }

    private async Task<DialogTurnResult> AskAccountStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.State.AccountAlias is not null) return await step.NextAsync(null, ct);
        var identity = OffboardingTurn.Of(step.Context).Identity;
        if (identity is { Accounts: [var verified] } && await _inventory.FindAsync(verified, ct) is { } account)
        {
            Remember(step.State, account, verified: true);
            return await step.NextAsync(null, ct);
        }
        var question = identity is null && _access.RequireVerified
            ? OffboardingTexts.SignInRequired(_access.SignInEnabled)
            : "Which account do you want to close? Type its account alias.";
        return await step.PromptAsync(PromptIds.Text, new PromptOptions
        {
            Prompt = Message(question),
            RetryText = "Please type the account alias of the account you want to close.",
        }, ct);
    }

    private async Task<DialogTurnResult> CheckAccountStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.State.AccountAlias is not null) return await step.NextAsync(null, ct);
        var alias = (step.Result as string ?? "").Trim();
        var identity = OffboardingTurn.Of(step.Context).Identity;
        var decision = _access.Decide(identity, alias);
        // A refusal names no resource and doesn't even say whether the alias exists; asking again says how to go on.
        if (decision == AccountAccessDecision.NotTheirs) Say(step, OffboardingTexts.NotTheirs(Shorten(alias), identity!.Accounts));
        if (decision is AccountAccessDecision.SignInRequired or AccountAccessDecision.NotTheirs) return await step.GoToStepAsync("account", null, ct);
        if (await _inventory.FindAsync(alias, ct) is { } account)
        {
            Remember(step.State, account, verified: decision == AccountAccessDecision.Verified);
            return await step.NextAsync(null, ct);
        }
        step.State.Misses++;
        Say(step, $"I couldn't find an account with the alias \"{Shorten(alias)}\". Please check it and type it again.");
        return step.State.Misses >= 3
            ? await OfferSupportAndRepeatAsync(step, "account", ct)
            : await step.GoToStepAsync("account", null, ct);
    }

    private async Task<DialogTurnResult> AskTermCommitmentStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        var account = await AccountAsync(step, ct);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = _cards.TermCommitment(account, "Do you have a cloud term commitment?"),
            RetryText = "Do you have a cloud term commitment? Please answer yes or no.",
        }, ct);
    }

    private async Task<DialogTurnResult> HandleTermCommitmentStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted) return await OfferSupportAndRepeatAsync(step, "term-commitment", ct);
        step.State.HasTermCommitment = step.Result is true;
        if (step.Result is not true) return await step.NextAsync(null, ct);

        var reply = Message("Thanks for telling me. An account with a cloud term commitment is closed through your sales " +
            "representative: please contact them and they will execute a terminate service order for you. " +
            "I haven't requested anything. If you'd like a hand finding the right person, our support team can help.");
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Talk to support")] };
        step.Context.SendActivity(reply);
        return await EndAsync(step, OffboardingOutcome.RedirectedToSales, ct);
    }

    private async Task<DialogTurnResult> ShowDataRetrievalStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct) =>
        await step.PromptAsync(PromptIds.Choice, new PromptOptions
        {
            Prompt = _cards.RetrieveData(await AccountAsync(step, ct), "When your data is safe, choose Done."),
            RetryText = "Choose Done once your data is safe, I need help, or Remind me later.",
            Choices = [Done, NeedHelp, RemindLater],
        }, ct);

    private async Task<DialogTurnResult> AcknowledgeDataRetrievalStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted) return await OfferSupportAndRepeatAsync(step, "retrieve-data", ct);
        if (step.Result is FoundChoice { Value: Intents.Help })
        {
            Say(step, OffboardingTexts.Help(OffboardingSteps.RetrieveData));
            return await step.GoToStepAsync("retrieve-data", null, ct);
        }
        if (step.Result is FoundChoice { Value: Intents.RemindLater })
        {
            Say(step, OffboardingTexts.RemindLater(OffboardingSteps.RetrieveData));
            return await EndAsync(step, OffboardingOutcome.Paused, ct);
        }
        step.State.DataRetrievalAcknowledged = true;
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> ShowRemainingAsync(WaterfallStepContext<OffboardingState> step, RemainingResourceStep kind, CancellationToken ct)
    {
        var account = await AccountAsync(step, ct);
        return await step.PromptAsync(PromptIds.Choice, new PromptOptions
        {
            Prompt = kind.Card(_cards, account, kind.Instruction),
            RetryText = kind.RetryText,
            Choices = [Done, CheckAgain],
        }, ct);
    }

    private async Task<DialogTurnResult> WarnIfAnyRemainAsync(WaterfallStepContext<OffboardingState> step, RemainingResourceStep kind, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted) return await OfferSupportAndRepeatAsync(step, kind.Screen, ct);
        var remaining = kind.Count(await AccountAsync(step, ct));
        if (remaining == 0) return await step.NextAsync(null, ct);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = Message($"{Plural(remaining, kind.One, kind.Many)} and {kind.Charges}. Continue anyway?"),
            RetryText = kind.WarnRetryText,
        }, ct);
    }

    private async Task<DialogTurnResult> HandleRemainingAnswerAsync(WaterfallStepContext<OffboardingState> step, RemainingResourceStep kind, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted) return await OfferSupportAndRepeatAsync(step, kind.Screen, ct);
        if (step.Result is false) return await step.GoToStepAsync(kind.Screen, null, ct);
        if (step.Result is true) kind.MarkContinued(step.State);
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> ShowRequestToCloseStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        step.Context.SendActivity(_cards.RequestClose(step.State.AccountAlias!, null));
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> AskForTypedConfirmationStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct) =>
        await step.PromptAsync(PromptIds.Text, new PromptOptions
        {
            Prompt = Message($"Type the account alias {step.State.AccountAlias} to confirm, or \"cancel\"."),
            ValueField = "confirmAlias",
        }, ct);

    private async Task<DialogTurnResult> LogClosureRequestStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        var alias = step.State.AccountAlias!;
        if (!string.Equals((step.Result as string)?.Trim(), alias, StringComparison.OrdinalIgnoreCase))
        {
            step.State.Misses++;
            Say(step, $"That doesn't match {alias}, so nothing has been requested.");
            return step.State.Misses >= 3
                ? await OfferSupportAndRepeatAsync(step, AskConfirmation, ct)
                : await step.GoToStepAsync(AskConfirmation, null, ct);
        }

        // Who may act is decided by this turn's proof, not by what an earlier turn proved.
        var identity = OffboardingTurn.Of(step.Context).Identity;
        switch (_access.Decide(identity, alias))
        {
            case AccountAccessDecision.SignInRequired:
                Say(step, OffboardingTexts.SignInRequired(_access.SignInEnabled));
                return await step.GoToStepAsync(AskConfirmation, null, ct);
            case AccountAccessDecision.NotTheirs:
                Say(step, OffboardingTexts.NotTheirs(alias, identity!.Accounts));
                return await step.GoToStepAsync(AskConfirmation, null, ct);
            case var decision:
                step.State.IdentityVerified = decision == AccountAccessDecision.Verified;
                break;
        }

        var request = await _store.FindOpenClosureRequestAsync(alias, ct) ?? await NewRequestAsync(step, ct);
        step.State.ClosureReference = request.Reference;
        var now = _time.GetUtcNow().UtcDateTime;
        var monthEnd = new DateOnly(now.Year, now.Month, DateTime.DaysInMonth(now.Year, now.Month));
        step.Context.SendActivity(_cards.Receipt(request, monthEnd,
            $"Your closure request for {alias} is logged. Your reference is {request.Reference}. " +
            $"Step 5 of 5: your final invoice arrives after the close of the current month, after {monthEnd:d MMMM yyyy}."));
        return await EndAsync(step, OffboardingOutcome.Requested, ct);
    }

    private async Task<ClosureRequest> NewRequestAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        var activity = step.Context.Activity;
        var account = await AccountAsync(step, ct);
        var request = new ClosureRequest(
            ClosureReference.Create(_time.GetUtcNow()),
            account.Alias,
            new Requester(activity.ChannelId ?? "", activity.From?.Id ?? "", activity.From?.Name, step.State.IdentityVerified),
            activity.Conversation?.Id ?? "",
            _time.GetUtcNow(),
            account.CountsByKind(),
            step.State.HasTermCommitment ?? false,
            step.State.DataRetrievalAcknowledged);
        OffboardingTurn.Of(step.Context).NewClosureRequest = request;
        return request;
    }

    private async Task<DialogTurnResult> OfferSupportAndRepeatAsync(WaterfallStepContext<OffboardingState> step, string stepName, CancellationToken ct)
    {
        step.State.Misses = 0;
        var offer = Message("I'm having trouble understanding, sorry. You can pick one of the options, or talk to a person.");
        offer.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Talk to support")] };
        step.Context.SendActivity(offer);
        return await step.GoToStepAsync(stepName, null, ct);
    }

    private static Task<DialogTurnResult> EndAsync(WaterfallStepContext<OffboardingState> step, OffboardingOutcome outcome, CancellationToken ct)
    {
        OffboardingTurn.Of(step.Context).Outcome = outcome;
        return step.EndDialogAsync(outcome, ct);
    }

    private async Task<AccountSnapshot> AccountAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct) =>
        await _inventory.FindAsync(step.State.AccountAlias!, ct) ?? throw new AccountGoneException(step.State.AccountAlias!);

    private static void Remember(OffboardingState state, AccountSnapshot account, bool verified)
    {
        state.AccountAlias = account.Alias;
        state.AccountName = account.Name;
        state.IdentityVerified = verified;
        state.Misses = 0;
    }

    private static void Say(WaterfallStepContext<OffboardingState> step, string text) => step.Context.SendActivity(Message(text));

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
