namespace ClosureBot.Dialogs.Recognition;

/// <summary>What an answer says, read by <see cref="AnswerReader"/>.</summary>
public enum AnswerKind
{
    /// <summary>None of the kinds below, or several that contradict each other.</summary>
    None,
    /// <summary>Agreement ("yes", "let's start", "👍").</summary>
    Yes,
    /// <summary>Refusal ("no", "n", "I don't think so").</summary>
    No,
    /// <summary>The task of the step is finished ("done", "I've retrieved my data", "I deleted them").</summary>
    Done,
    /// <summary>The task is not finished yet ("not yet", "still copying", "almost").</summary>
    NotDone,
    /// <summary>Thanks or a goodbye, and nothing else ("thanks!", "ok bye").</summary>
    Thanks,
}
