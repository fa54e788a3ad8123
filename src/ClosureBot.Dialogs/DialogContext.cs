using ClosureBot.Dialogs.Prompts;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs;

/// <summary>
/// The dialog stack of one conversation during one turn: begin, continue, end, replace and cancel dialogs
/// with Bot Framework semantics (a child's result resumes its parent in the same turn).
/// </summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
{
    /// <summary>The dialogs this context can start.</summary>
    public DialogSet Dialogs { get; } = dialogs;

    /// <summary>The current turn.</summary>
    public ITurnContext Context { get; } = turnContext;

    /// <summary>The stack, bottom first.</summary>
    public List<DialogInstance> Stack => state.Stack;

    /// <summary>The instance on top of the stack, or null.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    /// <summary>
    /// What the last root dialog to end in this turn returned: the result of <see cref="EndDialogAsync"/> at the bottom
    /// of the stack, or the result <see cref="CancelAllDialogsAsync(object, CancellationToken)"/> ended the stack with.
    /// Null when no root dialog ended with a result. Whoever runs the turn reads it afterwards, however deep in the
    /// stack the end was decided, so a dialog returns its result instead of writing it somewhere for the runner.
    /// </summary>
    public object? RootResult { get; private set; }

    /// <summary>Pushes dialog <paramref name="dialogId"/> and begins it.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = Dialogs.Find(dialogId) ?? throw new ArgumentException($"Dialog '{dialogId}' is not in the set.", nameof(dialogId));
        Stack.Add(new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Begins a prompt with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(promptId, options, cancellationToken);

    /// <summary>Whether the active dialog reads this turn as an answer (see <see cref="Dialog.RecognizesAnswer"/>).</summary>
    public bool ActiveDialogRecognizesAnswer() =>
        ActiveDialog is { } active && Dialogs.Find(active.Id) is { } dialog && dialog.RecognizesAnswer(Context, active);

    /// <summary>
    /// Clears a stack saved by another version of any of its dialogs (or naming a dialog that no longer exists);
    /// true when it did. Call it before anything reads the stack, so no path works on an outdated one.
    /// </summary>
    public bool DropOutdated()
    {
        // A loop, not a lambda over this context: it runs on every turn.
        foreach (var instance in Stack)
        {
            if (Dialogs.Find(instance.Id) is { } dialog && dialog.Version == instance.Version) continue;
            Stack.Clear();
            return true;
        }
        return false;
    }

    /// <summary>
    /// Hands the turn to the active dialog. A stack saved by another version of any of its dialogs (or naming a
    /// dialog that no longer exists) is cleared and reported as <see cref="DialogTurnStatus.Outdated"/>.
    /// </summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        if (DropOutdated()) return new DialogTurnResult(DialogTurnStatus.Outdated);
        return await Find(ActiveDialog!).ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active)
        {
            await Find(active).EndDialogAsync(Context, active, DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
            Stack.RemoveAt(Stack.Count - 1);
        }
        if (ActiveDialog is { } parent)
            return await Find(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        if (result is not null) RootResult = result;
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and begins <paramref name="dialogId"/> in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active)
        {
            await Find(active).EndDialogAsync(Context, active, DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
            Stack.RemoveAt(Stack.Count - 1);
        }
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on the stack, top first.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        await PopWhileAsync(_ => true, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>
    /// Ends every dialog on the stack, top first, with <paramref name="result"/> as the turn's <see cref="RootResult"/>:
    /// for an end decided above the root (a cancel question answered yes) or outside the stack.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(object result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cancelled = await CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        RootResult = result;
        return cancelled with { Result = result };
    }

    /// <summary>Ends the dialogs above the topmost instance of <paramref name="dialogId"/>, which becomes active.</summary>
    public Task EndChildrenOfAsync(string dialogId, CancellationToken cancellationToken = default)
    {
        if (!Stack.Any(i => i.Id == dialogId))
            throw new InvalidOperationException($"Dialog '{dialogId}' is not on the stack.");
        return PopWhileAsync(i => i.Id != dialogId, cancellationToken);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active ? Find(active).RepromptDialogAsync(Context, active, cancellationToken) : Task.CompletedTask;

    /// <summary>The topmost instance of <paramref name="dialogId"/>, or null.</summary>
    public DialogInstance? FindInstance(string dialogId)
    {
        for (var i = Stack.Count - 1; i >= 0; i--)
            if (Stack[i].Id == dialogId) return Stack[i];
        return null;
    }

    private async Task PopWhileAsync(Func<DialogInstance, bool> predicate, CancellationToken cancellationToken)
    {
        while (ActiveDialog is { } active && predicate(active))
        {
            await Find(active).EndDialogAsync(Context, active, DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
            Stack.RemoveAt(Stack.Count - 1);
        }
    }

    private Dialog Find(DialogInstance instance) =>
        Dialogs.Find(instance.Id) ?? throw new InvalidOperationException($"Dialog '{instance.Id}' on the stack is not in the set.");
}
