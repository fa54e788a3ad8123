namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// One activity for the stream: its serialized JSON and its place in the log (null for ephemeral ones such as typing);
/// or a notice (empty JSON) that the log has grown to <see cref="Sequence"/> elsewhere, to be read from the store.
/// An ephemeral activity may name the logged activity it <see cref="Follows"/> (a typing indicator, the message its turn
/// answers): a stream that has already sent a later one drops it as stale.
/// </summary>
public sealed record StreamItem(long? Sequence, string Json, long? Follows = null)
{
    /// <summary>Another instance appended activity <paramref name="sequence"/>; the stream reads it from the store.</summary>
    public static StreamItem Notice(long sequence) => new(sequence, "");

    public bool IsNotice => Json.Length == 0;
}
