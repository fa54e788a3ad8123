using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Waterfall;

/// <summary>What a waterfall step sees: its typed state, the previous step's result, and ways to move on.</summary>
public sealed class WaterfallStepContext<TState> where TState : class, new()
{
    private readonly WaterfallDialog<TState> _dialog;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(WaterfallDialog<TState> dialog, DialogContext dc, DialogInstance instance, TState state,
        int index, DialogReason reason, object? result)
    {
        _dialog = dialog;
        _instance = instance;
        Dialogs = dc;
        State = state;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The dialog stack.</summary>
    public DialogContext Dialogs { get; }

    /// <summary>The current turn.</summary>
    public ITurnContext Context => Dialogs.Context;

    /// <summary>The waterfall's typed state; changes are persisted with the stack.</summary>
    public TState State { get; }

    /// <summary>Zero-based step index.</summary>
    public int Index { get; }

    /// <summary>The step's name.</summary>
    public string StepName => _dialog.StepNames[Index];

    /// <summary>Why this step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's (or its prompt's) result.</summary>
    public object? Result { get; }

    /// <summary>Goes straight to the next step with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        Save();
        return _dialog.RunStepAsync(Dialogs, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }

    /// <summary>Runs the named step (forwards or backwards).</summary>
    public Task<DialogTurnResult> GoToStepAsync(string stepName, object? result = null, CancellationToken cancellationToken = default)
    {
        Save();
        return _dialog.RunStepAsync(Dialogs, _dialog.IndexOf(stepName), DialogReason.NextCalled, result, cancellationToken);
    }

    /// <summary>Begins a prompt; its result reaches the next step.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, Prompts.PromptOptions options, CancellationToken cancellationToken = default)
    {
        Save();
        return Dialogs.PromptAsync(promptId, options, cancellationToken);
    }

    /// <summary>Begins a child dialog; its result reaches the next step.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        Save();
        return Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends the waterfall with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        Save();
        return Dialogs.EndDialogAsync(result, cancellationToken);
    }

    // Set once control has passed on (next step, child dialog, end): later writes of this step's copy of the
    // state would overwrite what the steps after it saved.
    internal bool Moved { get; private set; }

    internal void Save()
    {
        _dialog.WriteState(_instance, State);
        Moved = true;
    }
}
