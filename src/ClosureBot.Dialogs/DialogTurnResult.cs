namespace ClosureBot.Dialogs;

/// <summary>Where the dialog stack stands after a call.</summary>
public enum DialogTurnStatus
{
    /// <summary>Nothing was on the stack.</summary>
    Empty,
    /// <summary>A dialog is waiting for the customer.</summary>
    Waiting,
    /// <summary>The root dialog completed; see <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,
    /// <summary>The stack was cancelled.</summary>
    Cancelled,
    /// <summary>The saved stack was made by another version of a dialog and was cleared.</summary>
    Outdated,
}

/// <summary>Why a dialog is resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>A dialog began.</summary>
    BeginCalled,
    /// <summary>A dialog continued.</summary>
    ContinueCalled,
    /// <summary>A dialog ended normally.</summary>
    EndCalled,
    /// <summary>A dialog was replaced.</summary>
    ReplaceCalled,
    /// <summary>A dialog was cancelled.</summary>
    CancelCalled,
    /// <summary>A waterfall moved to its next step.</summary>
    NextCalled,
}

/// <summary>The outcome of a dialog call.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>The shared "waiting for input" result.</summary>
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
}
