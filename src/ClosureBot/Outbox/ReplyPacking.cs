using System.IO.Compression;

namespace ClosureBot.Outbox;

/// <summary>
/// How a turn's replies are kept in the outbox: their JSON compressed with Brotli at its fastest setting, behind a
/// one-byte format mark. Cards are repetitive text, so a row shrinks severalfold, and the row is written on every turn
/// but read only for a redelivery or a retry: the write-ahead log of every commit is what this saves. (zlib costs the
/// same time here but allocates a 256 KB native state per call, which grew the process by tens of MiB under load.)
/// Rows stored before packing (plain JSON) still read.
/// </summary>
internal static class ReplyPacking
{
    private const byte BrotliMark = 1;
    private const int Quality = 1;
    private const int Window = 16;

    public static byte[] Pack(byte[] json)
    {
        var packed = new byte[1 + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        packed[0] = BrotliMark;
        if (!BrotliEncoder.TryCompress(json, packed.AsSpan(1), out var written, Quality, Window))
            throw new InvalidOperationException("Brotli could not compress the replies into its own maximum length.");
        return packed[..(1 + written)];
    }

    public static byte[] Unpack(byte[] stored)
    {
        // Plain JSON starts with '['.
        if (stored.Length == 0 || stored[0] != BrotliMark) return stored;
        using var brotli = new BrotliStream(new MemoryStream(stored, 1, stored.Length - 1), CompressionMode.Decompress);
        using var json = new MemoryStream(stored.Length * 6);
        brotli.CopyTo(json);
        return json.ToArray();
    }
}
