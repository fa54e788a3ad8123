using System.Text.Json.Serialization;

namespace ClosureBot.Dialogs.Choices;

/// <summary>
/// One option a prompt offers. <see cref="Value"/> is what the dialog receives when the option is chosen,
/// whether the customer typed it, typed a synonym or its number, or clicked its button.
/// </summary>
/// <param name="Value">The canonical value handed to the dialog, e.g. <c>done</c>.</param>
public sealed record Choice(string Value)
{
    /// <summary>Button caption; defaults to <see cref="Value"/>.</summary>
    public string? Title { get; init; }

    /// <summary>Other words or phrases that pick this option, e.g. "finished" for <c>done</c>.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The caption shown to the customer.</summary>
    [JsonIgnore]
    public string DisplayTitle => Title ?? Value;
}
