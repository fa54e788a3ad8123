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
    Question,
    Thanks,
    Alias,
}
