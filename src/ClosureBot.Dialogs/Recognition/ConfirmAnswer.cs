namespace ClosureBot.Dialogs.Recognition;

/// <summary>What one language's yes/no rules found in an utterance.</summary>
internal enum ConfirmAnswer
{
    /// <summary>Neither yes nor no.</summary>
    None,

    /// <summary>Only yes.</summary>
    Yes,

    /// <summary>Only no.</summary>
    No,

    /// <summary>Both yes and no, e.g. "yes and no".</summary>
    Ambiguous,
}
