namespace ClosureBot.Channels.DirectLine;

/// <summary>One activity for the stream: its serialized JSON and its place in the log (null for ephemeral ones such as typing).</summary>
public sealed record StreamItem(long? Sequence, string Json);
