using System.Buffers;
using System.Text.Json;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// A UTF-8 JSON writer with the app's encoder (<see cref="ProtocolJson.Options"/>) and its buffer, one for each thread,
/// reset for each use: what every turn writes (its state, its replies) is written without making either anew.
/// </summary>
public static class ThreadJsonWriter
{
    [ThreadStatic]
    private static Output? t_output;

    /// <summary>
    /// Writes <paramref name="value"/> with <paramref name="write"/> and returns the JSON, which stays valid until this
    /// thread writes with it again: copy it before anything else runs. A write within a write gets a writer of its own.
    /// </summary>
    public static ReadOnlySpan<byte> Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var output = t_output ??= new Output();
        if (output.InUse) output = new Output();
        output.InUse = true;
        try
        {
            output.Buffer.ResetWrittenCount();
            output.Writer.Reset(output.Buffer);
            write(output.Writer, value);
            output.Writer.Flush();
            return output.Buffer.WrittenSpan;
        }
        finally
        {
            output.InUse = false;
        }
    }

    private sealed class Output
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(16 * 1024);
        public readonly Utf8JsonWriter Writer;
        public bool InUse;

        public Output() => Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = ProtocolJson.Options.Encoder });
    }
}
