using System.Globalization;
using System.Security.Cryptography;

namespace ClosureBot.Closure;

/// <summary>Human-readable, unique closure references such as <c>CLS-20261129-7KQ4MZ</c>.</summary>
public static class ClosureReference
{
    // No 0/O or 1/I: the reference is read out over the phone to support.
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Create(DateTimeOffset now)
    {
        Span<char> suffix = stackalloc char[6];
        for (var i = 0; i < suffix.Length; i++) suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        // Invariant: a server whose culture writes years in another calendar (th-TH: 2569) must not change references.
        return string.Create(CultureInfo.InvariantCulture, $"CLS-{now.UtcDateTime:yyyyMMdd}-{suffix}");
    }
}
