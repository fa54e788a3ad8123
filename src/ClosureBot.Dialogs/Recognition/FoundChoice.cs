namespace ClosureBot.Dialogs.Recognition;

/// <summary>The option <see cref="ChoiceRecognizer"/> recognized in what the customer typed.</summary>
/// <param name="Value">The <see cref="Choices.Choice.Value"/> of the recognized option.</param>
/// <param name="Index">The zero-based position of the option in the list the prompt offered.</param>
/// <param name="Score">
/// Confidence between 0 and 1: 1 for an exact match or a number/ordinal, lower for a match on words embedded in a
/// longer sentence.
/// </param>
public sealed record FoundChoice(string Value, int Index, double Score);
