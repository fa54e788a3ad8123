using System.Collections.Frozen;
using ClosureBot.Accounts;
using ClosureBot.Dialogs;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Handoff;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace ClosureBot.Offboarding;

/// <summary>
/// The account closure, as the article tells it: overview, account, the term-commitment exception, then the five
/// steps one at a time, ending with the logged closure request and the final-invoice step. Each step branches on what
/// was recognized: only its button or an answer read as affirmative moves on.
/// </summary>
/// <remarks>
/// Step names are <c>screen</c> or <c>screen/part</c>: the screen a conversation stands at is the name up to the slash,
/// and card buttons carry it as their <c>step</c>.
/// </remarks>
public sealed partial class OffboardingDialog : WaterfallDialog<OffboardingState>
{
    public const string DialogId = "offboarding";

    private readonly AccountChooser _accounts;
    private readonly ClosureRequests _requests;
    private readonly OffboardingCards _cards;
    private readonly TimeProvider _time;
    private readonly IOptions<SupportOptions> _support;

    public OffboardingDialog(AccountChooser accounts, ClosureRequests requests, OffboardingCards cards, TimeProvider time, IOptions<SupportOptions> support)
        : base(DialogId, OffboardingStateJson.Default)
    {
        _accounts = accounts;
        _requests = requests;
        _cards = cards;
        _time = time;
        _support = support;
        DefineSteps(Steps());
        _screenOfStep = StepNames.ToFrozenDictionary(name => name, name => name.Split('/')[0], StringComparer.Ordinal);
        _screens = StepNames.Where(name => _screenOfStep[name] == name).ToArray();
    }

    /// <summary>Step 4's question "Type the account alias … to confirm", which the answer's step asks again after a miss.</summary>
    internal const string ConfirmAliasStep = OffboardingSteps.RequestClose + "/confirm";

    /// <summary>Bump when the steps change: conversations and saved places of another version restart politely.</summary>
    public override string Version => "2";

    /// <summary>The steps, in order. Kept here, in one place, so the conversation reads top to bottom.</summary>
    private IEnumerable<(string, WaterfallStep<OffboardingState>)> Steps() =>
    [
        (OffboardingSteps.Overview, ShowOverviewStepAsync),
        ("overview/answer", HandleOverviewAnswerStepAsync),
        (OffboardingSteps.Account, (step, ct) => _accounts.AskAsync(step, ct)),
        ("account/answer", (step, ct) => _accounts.CheckAnswerAsync(step, ct)),
        (OffboardingSteps.TermCommitment, CheckTermCommitmentStepAsync),
        ("term-commitment/answer", HandleTermCommitmentAnswerStepAsync),
        (OffboardingSteps.RetrieveData, ShowDataRetrievalStepAsync),
        ("retrieve-data/answer", HandleDataRetrievalAnswerStepAsync),
        (OffboardingSteps.DeleteServers, (step, ct) => ShowRemainingAsync(step, RemainingResourceStep.Servers, ct)),
        ("delete-servers/answer", (step, ct) => HandleRemainingAnswerAsync(step, RemainingResourceStep.Servers, ct)),
        ("delete-servers/continue-anyway", (step, ct) => HandleContinueAnywayAsync(step, RemainingResourceStep.Servers, ct)),
        (OffboardingSteps.DeleteServices, (step, ct) => ShowRemainingAsync(step, RemainingResourceStep.Services, ct)),
        ("delete-services/answer", (step, ct) => HandleRemainingAnswerAsync(step, RemainingResourceStep.Services, ct)),
        ("delete-services/continue-anyway", (step, ct) => HandleContinueAnywayAsync(step, RemainingResourceStep.Services, ct)),
        (OffboardingSteps.RequestClose, ShowRequestToCloseStepAsync),
        (ConfirmAliasStep, AskForTypedConfirmationStepAsync),
        ("request-close/answer", (step, ct) => _requests.LogAsync(step, ct)),
    ];

    private async Task<DialogTurnResult> ShowOverviewStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        step.State.StartedAt ??= _time.GetUtcNow();
        var locale = CustomerLocale.Of(step.Context);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = _cards.Overview(locale, locale.Texts[TextId.ShallWeStart]),
            RetryText = locale.Texts[TextId.ShallWeStartRetry],
            Choices = StepChoices.Of(locale.Texts).YesNo,
        }, ct);
    }

    private async Task<DialogTurnResult> HandleOverviewAnswerStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.Result == PromptResult.Exhausted) return await OfferSupportAndRepeatAsync(step, OffboardingSteps.Overview, ct);
        if (step.Result is true) return await step.NextAsync(null, ct);
        Say(step, CustomerLocale.TextsOf(step.Context)[TextId.NotStarted]);
        return await EndAsync(step, OffboardingOutcome.NotStarted, ct);
    }

    /// <summary>Begins a closure at the overview, with the account the starting message named, if it named one.</summary>
    public async Task BeginAsync(DialogContext dc, CancellationToken ct)
    {
        var named = await StateNamedInAsync(dc.Context, ct);
        await dc.BeginDialogAsync(DialogId, StartWith(named), ct);
    }

    /// <summary>A closure's start with the account <paramref name="named"/> already chosen, or from nothing when null.</summary>
    public static WaterfallStart<OffboardingState>? StartWith(OffboardingState? named) =>
        named is null ? null : new WaterfallStart<OffboardingState>(named, OffboardingSteps.Overview);

    /// <summary>The state a closure begins with when this message names one of the customer's accounts (as <see cref="BeginAsync"/> reads it), or null.</summary>
    public Task<OffboardingState?> StateNamedInAsync(Protocol.Turns.ITurnContext context, CancellationToken ct) =>
        _accounts.StateNamedInAsync(context, ct);

    /// <summary>The alias of the one account among the customer's that this message names (as <see cref="BeginAsync"/> reads it), or null.</summary>
    public async Task<string?> AccountNamedInAsync(Protocol.Turns.ITurnContext context, CancellationToken ct) =>
        (await _accounts.AccountNamedInAsync(context, ct))?.Alias;

    /// <summary>
    /// At the overview, an answer that names one of the customer's accounts exactly ("ACME", "it's for Acme Corporation")
    /// is a yes that answers the next question too: it goes to the account question's check as its answer. False, with
    /// nothing done, for anything else (the overview's yes-or-no question then reads it).
    /// </summary>
    public async Task<bool> TryStartWithNamedAccountAsync(DialogContext dc, CancellationToken ct)
    {
        var text = dc.Context.Activity.Text;
        if (dc.Context.Activity.Value is not null || string.IsNullOrWhiteSpace(text)
            || await _accounts.ExactlyNamedAsync(dc.Context, text, ct) is not { } alias)
            return false;
        // The alias, not the sentence: the check finds it directly instead of reading the sentence again.
        await GoToStepAsync(dc, AnswerStepOf(OffboardingSteps.Account), alias, ct);
        return true;
    }

    // The account record decides when it knows; the customer is asked only when it does not. A commitment on record
    // sends them to sales whatever they would answer.
    private async Task<DialogTurnResult> CheckTermCommitmentStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (await _accounts.AccessAsync(step, ct) is not { } access) return await _accounts.RefuseAsync(step, ct);
        switch (access.Account.TermCommitment.Status)
        {
            case TermCommitmentStatus.OnRecord:
                step.State.HasTermCommitment = true;
                step.Context.SendActivity(_cards.TermCommitment(CustomerLocale.Of(step.Context), access.Account, access.Verified, null));
                return await _requests.RedirectToSalesAsync(step, access, "on record", ct);
            case TermCommitmentStatus.None:
                step.State.HasTermCommitment = false;
                return await step.GoToStepAsync(OffboardingSteps.RetrieveData, null, ct);
        }
        // A support agent checked it with the customer (a fact recorded at the hand-back): not asked again.
        if (step.State.NoTermCommitmentPerSupport)
        {
            step.State.HasTermCommitment = false;
            return await step.GoToStepAsync(OffboardingSteps.RetrieveData, null, ct);
        }
        var locale = CustomerLocale.Of(step.Context);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = _cards.TermCommitment(locale, access.Account, access.Verified, locale.Texts[TextId.AskTermCommitment]),
            Choices = StepChoices.Of(locale.Texts).TermCommitment,
            // Only a sure "no" goes on: a yes or anything unclear goes the sales way at once.
            MaxAttempts = 1,
        }, ct);
    }

    private async Task<DialogTurnResult> HandleTermCommitmentAnswerStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.Result is false)
        {
            step.State.HasTermCommitment = false;
            return await step.NextAsync(null, ct);
        }
        step.State.HasTermCommitment = step.Result is true ? true : null;
        if (await _accounts.AccessAsync(step, ct) is not { } access) return await _accounts.RefuseAsync(step, ct);
        return await _requests.RedirectToSalesAsync(step, access, step.Result is true ? "answered yes" : "answer unclear", ct);
    }

    private async Task<DialogTurnResult> ShowDataRetrievalStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        // Done already (a support agent recorded the data as retrieved): on to step 2.
        if (step.State.DataRetrievedPerSupport)
        {
            step.State.DataRetrievalAcknowledged = true;
            return await step.GoToStepAsync(OffboardingSteps.DeleteServers, null, ct);
        }
        if (await _accounts.AccessAsync(step, ct) is not { } access) return await _accounts.RefuseAsync(step, ct);
        var locale = CustomerLocale.Of(step.Context);
        var choices = StepChoices.Of(locale.Texts);
        return await step.PromptAsync(PromptIds.Choice, new PromptOptions
        {
            Prompt = _cards.RetrieveData(locale, access.Account, access.Verified, locale.Texts[TextId.RetrieveDataInstruction]),
            RetryText = locale.Texts[TextId.RetrieveDataRetry],
            Choices = choices.RetrieveData,
            RecognizeNumbers = false,
            AffirmativeChoice = StepChoices.DoneValue,
            NegativeReply = locale.Texts[TextId.RetrieveDataNotYet],
        }, ct);
    }

    private async Task<DialogTurnResult> HandleDataRetrievalAnswerStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        switch (step.Result)
        {
            case FoundChoice { Value: StepChoices.DoneValue }:
                step.State.DataRetrievalAcknowledged = true;
                return await step.NextAsync(null, ct);
            case FoundChoice { Value: Intents.Help }:
                Say(step, OffboardingTexts.Help(CustomerLocale.TextsOf(step.Context), OffboardingSteps.RetrieveData, _support.Value.ServiceTaskUrl));
                return await step.GoToStepAsync(OffboardingSteps.RetrieveData, null, ct);
            case FoundChoice { Value: Intents.RemindLater }:
                Say(step, OffboardingTexts.RemindLater(CustomerLocale.TextsOf(step.Context), OffboardingSteps.RetrieveData));
                return await EndAsync(step, OffboardingOutcome.Paused, ct);
            default:
                return await OfferSupportAndRepeatAsync(step, OffboardingSteps.RetrieveData, ct);
        }
    }

    private async Task<DialogTurnResult> ShowRemainingAsync(WaterfallStepContext<OffboardingState> step, RemainingResourceStep kind, CancellationToken ct)
    {
        if (await _accounts.AccessAsync(step, ct) is not { } access) return await _accounts.RefuseAsync(step, ct);
        var locale = CustomerLocale.Of(step.Context);
        var t = locale.Texts;
        // With nothing left, the step's one question is whether to go on, asked again in the same words.
        var nothingLeft = kind.Count(access.Account) == 0;
        return await step.PromptAsync(PromptIds.Choice, new PromptOptions
        {
            Prompt = kind.Card(_cards, locale, access.Account, access.Verified, t[nothingLeft ? kind.AllClear : kind.Instruction]),
            RetryText = t[nothingLeft ? kind.AllClear : kind.RetryText],
            Choices = StepChoices.Of(t).Remaining,
            RecognizeNumbers = false,
            AffirmativeChoice = StepChoices.DoneValue,
            NegativeReply = t[kind.NotDoneReply],
        }, ct);
    }

    private async Task<DialogTurnResult> HandleRemainingAnswerAsync(WaterfallStepContext<OffboardingState> step, RemainingResourceStep kind, CancellationToken ct)
    {
        if (step.Result is FoundChoice { Value: Intents.CheckAgain }) return await step.GoToStepAsync(kind.Screen, null, ct);
        if (step.Result is not FoundChoice { Value: StepChoices.DoneValue }) return await OfferSupportAndRepeatAsync(step, kind.Screen, ct);
        if (await _accounts.AccessAsync(step, ct) is not { } access) return await _accounts.RefuseAsync(step, ct);
        var remaining = kind.Count(access.Account);
        if (remaining == 0) return await step.NextAsync(null, ct);
        var t = CustomerLocale.TextsOf(step.Context);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            Prompt = Message(t.Plural(kind.Remaining, remaining)),
            RetryText = t[kind.WarnRetryText],
            Choices = StepChoices.Of(t).ContinueAnyway,
        }, ct);
    }

    private async Task<DialogTurnResult> HandleContinueAnywayAsync(WaterfallStepContext<OffboardingState> step, RemainingResourceStep kind, CancellationToken ct)
    {
        switch (step.Result)
        {
            case null: // nothing remained, so nothing was asked
                return await step.NextAsync(null, ct);
            case true:
                kind.MarkContinued(step.State);
                return await step.NextAsync(null, ct);
            case false:
                return await step.GoToStepAsync(kind.Screen, null, ct);
            default:
                return await OfferSupportAndRepeatAsync(step, kind.Screen, ct);
        }
    }

    private async Task<DialogTurnResult> ShowRequestToCloseStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (await _accounts.AccessAsync(step, ct) is not { } access) return await _accounts.RefuseAsync(step, ct);
        step.Context.SendActivity(_cards.RequestClose(CustomerLocale.Of(step.Context), access.Account.Alias, access.Verified, null));
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> AskForTypedConfirmationStepAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct) =>
        await step.PromptAsync(PromptIds.Text, new PromptOptions
        {
            Prompt = Message(CustomerLocale.TextsOf(step.Context).Format(TextId.TypeAliasToConfirm, step.State.AccountAlias)),
            ValueField = "confirmAlias",
        }, ct);

    /// <summary>After three answers that did not work out: offer a person, and keep the customer's place.</summary>
    internal static async Task<DialogTurnResult> OfferSupportAndRepeatAsync(WaterfallStepContext<OffboardingState> step, string stepName, CancellationToken ct)
    {
        step.State.Misses = 0;
        var t = CustomerLocale.TextsOf(step.Context);
        var offer = Message(OffboardingTexts.Trouble(t, stepName.Split('/')[0]));
        offer.SuggestedActions = new SuggestedActions { Actions = [SupportButton(t[TextId.TalkToSupport], "support", "misunderstood")] };
        step.Context.SendActivity(offer);
        return await step.GoToStepAsync(stepName, null, ct);
    }

    /// <summary>A button that asks for a person in <paramref name="queue"/>, saying why (the handoff reads both from its value).</summary>
    internal static CardAction SupportButton(string title, string queue, string reason) => new()
    {
        Type = "messageBack",
        Title = title,
        Text = title,
        DisplayText = title,
        Value = new System.Text.Json.Nodes.JsonObject { ["action"] = Intents.Support, ["queue"] = queue, ["reason"] = reason },
    };

    /// <summary>Ends the closure with <paramref name="outcome"/>, for the account the state names, with nothing to write.</summary>
    internal static Task<DialogTurnResult> EndAsync(WaterfallStepContext<OffboardingState> step, OffboardingOutcome outcome, CancellationToken ct) =>
        EndAsync(step, new OffboardingResult(outcome, step.State.AccountAlias), ct);

    /// <summary>Ends the closure, returning <paramref name="result"/> (with what the turn's commit writes for it) to the router.</summary>
    internal static Task<DialogTurnResult> EndAsync(WaterfallStepContext<OffboardingState> step, OffboardingResult result, CancellationToken ct) =>
        step.EndDialogAsync(result, ct);

    internal static void Say(WaterfallStepContext<OffboardingState> step, string text) => step.Context.SendActivity(Message(text));

    internal static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A message whose text holds a value from outside (a provider's display name): rendered as typed, not as Markdown.</summary>
    internal static Activity PlainMessage(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormatTypes.Plain };
}
