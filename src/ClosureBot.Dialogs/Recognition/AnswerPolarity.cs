namespace ClosureBot.Dialogs.Recognition;

/// <summary>Whether an answer agrees, refuses or neither (see <see cref="PolarityRecognizer"/>).</summary>
public enum AnswerPolarity
{
    /// <summary>Neither a clear yes nor any negation.</summary>
    None,
    /// <summary>A yes, without any negation or hesitation ("yes", "ok, go ahead").</summary>
    Affirmative,
    /// <summary>A no, a negation or a hesitation ("not yet", "I'm not done", "no, wait", "almost").</summary>
    Negative,
}
