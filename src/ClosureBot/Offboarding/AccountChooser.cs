using System.Text.RegularExpressions;
using ClosureBot.Accounts;
using ClosureBot.Closure;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Dialogs;
using ClosureBot.Handoff;
using ClosureBot.Identity;
using ClosureBot.Localization;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using ClosureBot.Understanding;

namespace ClosureBot.Offboarding;

/// <summary>
/// Which account the closure is about, and whether this turn's customer may act for it: the account screen's steps,
/// and <see cref="AccessAsync"/>, which every step that shows an account's resources or requests its closure goes
/// through, so access is decided afresh on every turn from the turn's proven identity, never from saved state.
/// </summary>
public sealed partial class AccountChooser(IAccountInventory inventory, AccountAccess access)
{
    /// <summary>
    /// The account of the conversation, or null when this turn's customer may not act for it: then the step returns
    /// <see cref="RefuseAsync"/> instead of showing anything.
    /// </summary>
    public async Task<AccountAccessGrant?> AccessAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        var alias = step.State.AccountAlias!;
        var decision = access.Decide(OffboardingTurn.Of(step.Context).Identity, alias);
        if (decision is AccountAccessDecision.SignInRequired or AccountAccessDecision.NotTheirs) return null;
        var account = await inventory.FindAsync(alias, ct) ?? throw new AccountGoneException(alias);
        return new AccountAccessGrant(account, decision == AccountAccessDecision.Verified);
    }

    /// <summary>
    /// Parks the conversation at the account step, remembering the screen it stood at: after a sign-in that allows
    /// the account, it picks up there (a customer whose identity does not allow it is asked for another account).
    /// </summary>
    public async Task<DialogTurnResult> RefuseAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        var t = CustomerLocale.TextsOf(step.Context);
        var screen = step.StepName.Split('/')[0];
        if (screen != OffboardingSteps.Account) step.State.ResumeAt = screen;
        // An agent's turn (a hand-back) proves the agent, not the customer: the customer's next message carries on.
        if (HandoffDeskIdentity.Of(step.Context) is not null)
            return await step.PromptAsync(PromptIds.Text, AliasPrompt(t, OffboardingTexts.CarryOnAfterHandBack(t, step.State.AccountAlias!)), ct);
        var customer = OffboardingTurn.Of(step.Context).Identity;
        step.Context.SendActivity(OffboardingDialog.Message(customer is null ? OffboardingTexts.SignInRequired(t, access.SignInEnabled) : OffboardingTexts.NotTheirs(t, step.State.AccountAlias!, customer.Accounts)));
        if (customer is not null) Forget(step.State);
        return await step.PromptAsync(PromptIds.Text, AliasPrompt(t, t[customer is null ? TextId.WaitingForSignIn : TextId.AskAlias]), ct);
    }

    /// <summary>The account step: skipped when the account is known and allowed, or the verified customer has exactly one.</summary>
    public async Task<DialogTurnResult> AskAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.State.AccountAlias is not null) return await GoOnAsync(step, ct);
        var t = CustomerLocale.TextsOf(step.Context);
        var customer = OffboardingTurn.Of(step.Context).Identity;
        if (customer is { Accounts: [var only] } && await inventory.FindAsync(only, ct) is { } account)
        {
            Remember(step.State, account);
            return await GoOnAsync(step, ct);
        }
        if (customer is { Accounts: [] })
        {
            step.Context.SendActivity(OffboardingDialog.PlainMessage(OffboardingTexts.NoAccounts(t, customer.Name)));
            return await step.PromptAsync(PromptIds.Text, AliasPrompt(t, t[TextId.AskAlias]), ct);
        }
        if (customer is null && access.RequireVerified)
            return await step.PromptAsync(PromptIds.Text, AliasPrompt(t, OffboardingTexts.SignInRequired(t, access.SignInEnabled)), ct);
        var prompt = AliasPrompt(t, t[TextId.AskAlias]);
        if (customer is { Accounts.Count: > 1 })
            prompt.Prompt.SuggestedActions = new SuggestedActions { Actions = customer.Accounts.Select(a => CardAction.ImBack(a)).ToList() };
        return await step.PromptAsync(PromptIds.Text, prompt, ct);
    }

    /// <summary>
    /// Checks the answer: the account it names (by alias or name, alone or in a sentence, among the accounts the customer
    /// may see) must exist and the customer must be allowed to act for it. A typo among those accounts gets a suggestion.
    /// </summary>
    public async Task<DialogTurnResult> CheckAnswerAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (step.State.AccountAlias is not null) return await GoOnAsync(step, ct);
        if (step.Result == PromptResult.Exhausted) return await OffboardingDialog.OfferSupportAndRepeatAsync(step, OffboardingSteps.Account, ct);
        var answer = (step.Result as string ?? "").Trim();
        var t = CustomerLocale.TextsOf(step.Context);
        var customer = OffboardingTurn.Of(step.Context).Identity;
        var (named, visible) = await NamedAsync(answer, customer, ct);
        // A yes or no to "Did you mean ACME?" answers that question, unless it names an account itself.
        var suggested = step.State.SuggestedAlias;
        step.State.SuggestedAlias = null;
        if (suggested is not null && named is not { Exact: true })
        {
            switch (AnswerReader.Read(answer, step.Context.Activity.Locale))
            {
                case AnswerKind.Yes:
                    named = new AliasMatch(suggested, Exact: true);
                    break;
                case AnswerKind.No:
                    return await step.GoToStepAsync(OffboardingSteps.Account, null, ct);
            }
        }
        if (named is { Exact: false } close) return await SuggestAsync(step, close.Alias, ct);
        // "ACME and EMPTY": one closure at a time, and the customer chooses which.
        if (named is null && AliasFinder.FindAllExact(answer, visible ?? await VisibleAccountsAsync(customer, ct)) is { Count: > 1 } several)
        {
            OffboardingDialog.Say(step, t.Format(TextId.OneAccountAtATime, string.Join(", ", several)));
            return await MissAsync(step, ct);
        }
        if ((named?.Alias ?? OneWord(answer)) is not { } alias)
        {
            OffboardingDialog.Say(step, t[TextId.NoAliasInAnswer]);
            return await MissAsync(step, ct);
        }
        switch (access.Decide(customer, alias))
        {
            case AccountAccessDecision.SignInRequired:
                return await step.GoToStepAsync(OffboardingSteps.Account, null, ct);
            case AccountAccessDecision.NotTheirs:
                OffboardingDialog.Say(step, OffboardingTexts.NotTheirs(t, alias, customer!.Accounts));
                return await MissAsync(step, ct);
        }
        if (await inventory.FindAsync(alias, ct) is not { } account)
        {
            OffboardingDialog.Say(step, t.Format(TextId.NoSuchAlias, alias));
            return await MissAsync(step, ct);
        }
        Remember(step.State, account);
        return await GoOnAsync(step, ct);
    }

    /// <summary>
    /// The alias of the account <paramref name="text"/> names exactly (by alias or name, alone or in a sentence) among those
    /// this turn's customer may name; null when it names none, or only with a typo.
    /// </summary>
    public async Task<string?> ExactlyNamedAsync(ITurnContext context, string text, CancellationToken ct) =>
        (await NamedAsync(text.Trim(), OffboardingTurn.Of(context).Identity, ct)).Named is { Exact: true } named ? named.Alias : null;

    /// <summary>
    /// The state of a closure whose first message named its account by its alias ("we need to shut down our account
    /// ACME"), among those this turn's customer may name: the account step then takes it without asking, and decides
    /// access as it always does. Null when the message names none, or more than one. Each word is looked up directly
    /// (no comparison with every account, which cost milliseconds on a large inventory), so a name or a typo here is
    /// left to the account question.
    /// </summary>
    public async Task<OffboardingState?> StateNamedInAsync(ITurnContext context, CancellationToken ct)
    {
        if (await AccountNamedInAsync(context, ct) is not { } named) return null;
        var state = new OffboardingState();
        Remember(state, named);
        return state;
    }

    /// <summary>The one account among those this turn's customer may name that the message names by its alias; null for none or several.</summary>
    public async Task<AccountSnapshot?> AccountNamedInAsync(ITurnContext context, CancellationToken ct)
    {
        var text = context.Activity.Text;
        if (context.Activity.Value is not null || string.IsNullOrWhiteSpace(text) || text.Length > MaxStartLength) return null;
        var customer = OffboardingTurn.Of(context).Identity;
        if (WordsOf(text) is not { } words) return null;
        AccountSnapshot? named = null;
        foreach (var word in words)
        {
            if (await DirectlyNamedAsync(word, customer, ct) is not { } account) continue;
            if (named is not null && !string.Equals(named.Alias, account.Alias, StringComparison.OrdinalIgnoreCase)) return null;
            named = account;
        }
        return named;
    }

    /// <summary>
    /// Whether <paramref name="alias"/> stands in <paramref name="text"/> as one of its words (words as an alias is written:
    /// letters, digits, '_' and '-'), in any case: "confirm ACME" holds ACME, "ACME-2" does not.
    /// </summary>
    public static bool HoldsAlias(string? text, string alias)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var match in AliasWord().EnumerateMatches(text))
            if (text.AsSpan(match.Index, match.Length).Equals(alias, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // The account whose alias is <word>, looked up directly, if this turn's customer may name it: a verified customer
    // their own, anyone any where AccountAccess lets them (Development), nobody while a sign-in is required.
    private async Task<AccountSnapshot?> DirectlyNamedAsync(string word, VerifiedCustomer? customer, CancellationToken ct) =>
        (customer is not null ? customer.Accounts.Contains(word, StringComparer.OrdinalIgnoreCase) : !access.RequireVerified)
            ? await inventory.FindAsync(word, ct)
            : null;

    private static List<string>? WordsOf(string text)
    {
        var words = new List<string>();
        foreach (var match in AliasWord().EnumerateMatches(text))
        {
            if (words.Count == MaxStartWords) return null;
            words.Add(text.Substring(match.Index, match.Length));
        }
        return words;
    }

    // A message that starts a closure and may name its account: a sentence, not a letter.
    private const int MaxStartLength = 200;
    private const int MaxStartWords = 24;

    /// <summary>
    /// The account the answer names. A bare alias of an account the customer may see is looked up directly, which is
    /// the common answer; only a sentence, a name or a typo is compared with every account the customer may see (returned
    /// too when they were listed, so a caller that reads the answer further does not list them again).
    /// </summary>
    private async Task<(AliasMatch? Named, IReadOnlyList<AccountName>? Visible)> NamedAsync(string answer, VerifiedCustomer? customer, CancellationToken ct)
    {
        if (OneWord(answer) is { } word && await DirectlyNamedAsync(word, customer, ct) is { } account)
            return (new AliasMatch(account.Alias, Exact: true), null);
        var visible = await VisibleAccountsAsync(customer, ct);
        return (AliasFinder.Find(answer, visible), visible);
    }

    /// <summary>
    /// The accounts this turn's customer may name: a verified customer's own, every account where anyone may act for
    /// any (Development), none while a sign-in is required. Suggestions come only from these, so none reveals another's account.
    /// </summary>
    private async Task<IReadOnlyList<AccountName>> VisibleAccountsAsync(VerifiedCustomer? customer, CancellationToken ct)
    {
        if (customer is not null)
        {
            var own = new List<AccountName>();
            foreach (var alias in customer.Accounts)
                own.Add(new AccountName(alias, (await inventory.FindAsync(alias, ct))?.Name ?? alias));
            return own;
        }
        if (access.RequireVerified) return [];
        return (await inventory.ListAsync(ct)).Select(a => new AccountName(a.Alias, a.Name)).ToList();
    }

    private static async Task<DialogTurnResult> SuggestAsync(WaterfallStepContext<OffboardingState> step, string alias, CancellationToken ct)
    {
        var suggestion = OffboardingDialog.Message(CustomerLocale.TextsOf(step.Context).Format(TextId.DidYouMean, alias));
        suggestion.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(alias)] };
        step.Context.SendActivity(suggestion);
        step.State.SuggestedAlias = alias;
        return await MissAsync(step, ct);
    }

    // An answer that is a single alias-like word ("ACME", "acme.") is taken as the alias the customer means.
    private static string? OneWord(string answer) => AliasPattern().IsMatch(answer) ? answer.TrimEnd('.', '!', ' ') : null;

    // The account is chosen: on to the next screen, or back to the one a refusal parked the customer at.
    private async Task<DialogTurnResult> GoOnAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        if (await AccessAsync(step, ct) is null) return await RefuseAsync(step, ct);
        if (step.State.ResumeAt is not { } screen) return await step.GoToStepAsync(OffboardingSteps.TermCommitment, null, ct);
        step.State.ResumeAt = null;
        return await step.GoToStepAsync(screen, null, ct);
    }

    /// <summary>An entry for the audit trail about this turn's customer.</summary>
    public static Requester Actor(Activity activity, bool verified) =>
        new(activity.ChannelId ?? "", activity.From?.Id ?? "", activity.From?.Name, verified);

    private static async Task<DialogTurnResult> MissAsync(WaterfallStepContext<OffboardingState> step, CancellationToken ct)
    {
        step.State.Misses++;
        return step.State.Misses >= 3
            ? await OffboardingDialog.OfferSupportAndRepeatAsync(step, OffboardingSteps.Account, ct)
            : await step.GoToStepAsync(OffboardingSteps.Account, null, ct);
    }

    private static PromptOptions AliasPrompt(LocaleTable t, string text) => new()
    {
        Prompt = OffboardingDialog.Message(text),
        RetryText = t[TextId.AliasPromptRetry],
    };

    private static void Remember(OffboardingState state, AccountSnapshot account)
    {
        state.AccountAlias = account.Alias;
        state.AccountName = account.Name;
        state.Misses = 0;
    }

    private static void Forget(OffboardingState state)
    {
        state.AccountAlias = null;
        state.AccountName = null;
        state.ResumeAt = null;
    }

    // A word that could be an alias, inside a sentence.
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}")]
    private static partial Regex AliasWord();

    // What an alias answer looks like: one word of letters and digits, perhaps with a full stop after it.
    [GeneratedRegex(@"^\s*[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}\s*[.!]?\s*$")]
    private static partial Regex AliasPattern();
}

/// <summary>The account a turn may act for, and whether a proven identity allows it (false: Development, typed alias).</summary>
public sealed record AccountAccessGrant(AccountSnapshot Account, bool Verified);
