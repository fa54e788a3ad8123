using System.IO.Compression;

namespace ClosureBot.Outbox;

/// <summary>
/// How a turn's replies are kept in the outbox: their JSON deflated (zlib, fastest level). Cards are repetitive text, so a
/// row shrinks about fourfold, and the row is written on every turn but read only for a redelivery or a retry, so the
/// write-ahead log of every commit is what this saves. Rows stored before packing (plain JSON) still read.
/// </summary>
internal static class ReplyPacking
{
    public static byte[] Pack(byte[] json)
    {
        using var packed = new MemoryStream(json.Length / 3 + 64);
        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(json);
        return packed.ToArray();
    }

    public static byte[] Unpack(byte[] stored)
    {
        // Plain JSON starts with '[' (0x5B); a zlib stream with 0x78.
        if (stored.Length == 0 || stored[0] == (byte)'[') return stored;
        using var zlib = new ZLibStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var json = new MemoryStream(stored.Length * 4);
        zlib.CopyTo(json);
        return json.ToArray();
    }
}
