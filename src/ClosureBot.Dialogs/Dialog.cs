using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs;

/// <summary>
/// A dialog definition: a stateless singleton. Everything it remembers for a conversation lives in its
/// <see cref="DialogInstance"/> on the persisted stack.
/// </summary>
public abstract class Dialog(string id)
{
    /// <summary>Unique id within a <see cref="DialogSet"/>.</summary>
    public string Id { get; } = id;

    /// <summary>
    /// Stamped on every instance this dialog starts. When a deploy changes the dialog, bump it: a conversation
    /// saved under another version is restarted politely instead of continuing at a step that no longer exists.
    /// </summary>
    public virtual string Version => "1";

    /// <summary>Starts the dialog (its instance is already on the stack).</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>The customer answered while this dialog was on top of the stack.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>
    /// Whether the turn's activity reads as an answer to what <paramref name="instance"/> is waiting for. An
    /// interruption found inside a longer message wins only when this is false (prompts override it).
    /// </summary>
    public virtual bool RecognizesAnswer(ITurnContext turnContext, DialogInstance instance) => false;

    /// <summary>Asks again for whatever the dialog is waiting for.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The instance is being removed from the stack.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
