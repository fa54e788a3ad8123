namespace ClosureBot.Dialogs;

/// <summary>A conversation's dialog stack, persisted between turns (top of the stack is the last entry).</summary>
public sealed class DialogState
{
    /// <summary>The stack, bottom first.</summary>
    public List<DialogInstance> Stack { get; set; } = [];
}
