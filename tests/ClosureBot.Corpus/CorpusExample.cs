using ClosureBot.Understanding;

namespace ClosureBot.Corpus;

/// <summary>One example message of the corpus: its language, the kind it is, and which part it belongs to.</summary>
public sealed record CorpusExample(string Language, MessageKind Kind, string Text, string Part, int Line);
