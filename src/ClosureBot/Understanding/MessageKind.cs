namespace ClosureBot.Understanding;

/// <summary>The kinds of message the corpus (tests/ClosureBot.Corpus) holds examples of, and <see cref="MessageReader"/> tells apart.</summary>
public enum MessageKind
{
    None,
    Start,
    Yes,
    No,
    Done,
    NotDone,
    Help,
    Cancel,
    Support,
    Status,
    CheckAgain,
    RemindLater,
    /// <summary>Back to the screen before ("go back", "previous step", "zurück").</summary>
    Back,
    /// <summary>A cloud term commitment named as a fact ("we're on a 3-year contract", "wir haben einen Vertrag").</summary>
    TermCommitment,
    Question,
    Thanks,
    Alias,
}
