using ClosureBot.Dialogs.Choices;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>How a prompt asks, re-asks and what it offers.</summary>
public sealed class PromptOptions
{
    /// <summary>The first question. It may carry cards; only its text is kept for re-asking.</summary>
    public required Activity Prompt { get; init; }

    /// <summary>Said when the answer was not understood; the options are shown again with it.</summary>
    public string? RetryText { get; init; }

    /// <summary>The options (choice prompts; a confirm prompt offers Yes / No by default).</summary>
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>After this many answers that were not understood the prompt ends with <see cref="PromptResult.Exhausted"/>.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Whether a choice can be picked by number or ordinal ("2", "the last one"). Off for steps whose buttons show no numbers.</summary>
    public bool RecognizeNumbers { get; init; } = true;

    /// <summary>For choice prompts: the value of the choice a plain affirmative answer ("yes", "ok") picks.</summary>
    public string? AffirmativeChoice { get; init; }

    /// <summary>
    /// For choice prompts: when set, a negative answer ("not yet", "I'm not done", "no, wait") keeps the prompt waiting
    /// with this reply and the options, without counting as a miss. When unset, a negative answer picks nothing.
    /// </summary>
    public string? NegativeReply { get; init; }

    /// <summary>For text prompts: a regular expression the whole answer must match to count as one (e.g. an account alias).</summary>
    public string? AnswerPattern { get; init; }

    /// <summary>
    /// For text prompts answered by a card: the field of <c>activity.value</c> that holds the typed answer
    /// (e.g. an <c>Input.Text</c> id).
    /// </summary>
    public string? ValueField { get; init; }
}
