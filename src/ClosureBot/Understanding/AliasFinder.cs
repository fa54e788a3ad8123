using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>
/// Finds which of the given accounts a message names, by alias or by name, in any case and with any punctuation
/// ("ACME.", "my account is acme", "Acme Corporation"); failing that, the one account whose alias or name is one typo
/// away ("ACMEE"). Only the accounts passed in are ever considered, so it can suggest nothing a customer may not see.
/// </summary>
public static partial class AliasFinder
{
    private const int MaxLength = 200;

    // Words of a company name that say nothing about which company it is.
    private static readonly FrozenSet<string> Generic = FrozenSet.ToFrozenSet(
        ["llc", "inc", "co", "corp", "corporation", "ltd", "limited", "gmbh", "sa", "sas", "ag", "plc", "company", "the", "of", "and"],
        StringComparer.Ordinal);

    /// <summary>The account <paramref name="text"/> names, exactly or by one typo; null when none, or when several match.</summary>
    public static AliasMatch? Find(string? text, IReadOnlyList<AccountName> accounts)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || accounts.Count == 0) return null;
        var words = WordsIn(text);
        if (words.Length == 0) return null;

        var exact = Unique(accounts.Where(a => Names(a, words, typo: false)));
        if (exact is not null) return new AliasMatch(exact.Alias, Exact: true);
        var close = Unique(accounts.Where(a => Names(a, words, typo: true)));
        return close is null ? null : new AliasMatch(close.Alias, Exact: false);
    }

    /// <summary>The aliases of every account <paramref name="text"/> names exactly ("ACME and EMPTY"), in the accounts' order.</summary>
    public static IReadOnlyList<string> FindAllExact(string? text, IReadOnlyList<AccountName> accounts)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || accounts.Count == 0) return [];
        var words = WordsIn(text);
        return words.Length == 0 ? [] : accounts.Where(a => Names(a, words, typo: false)).Select(a => a.Alias).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string[] WordsIn(string text) => Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    private static AccountName? Unique(IEnumerable<AccountName> found)
    {
        AccountName? one = null;
        foreach (var account in found)
        {
            if (one is not null && !string.Equals(one.Alias, account.Alias, StringComparison.OrdinalIgnoreCase)) return null;
            one = account;
        }
        return one;
    }

    private static bool Names(AccountName account, string[] words, bool typo)
    {
        var alias = account.Alias.ToLowerInvariant();
        if (words.Any(w => Same(w, alias, typo))) return true;
        var distinctive = Words().Matches(account.Name.ToLowerInvariant()).Select(m => m.Value).Where(w => !Generic.Contains(w)).ToArray();
        return distinctive.Length > 0 && distinctive.All(d => words.Any(w => Same(w, d, typo)));
    }

    // Typos count only for words long enough not to collide with ordinary short words.
    private static bool Same(string word, string name, bool typo) =>
        typo ? word.Length >= 4 && name.Length >= 4 && word != name && Distance(word, name) <= (name.Length >= 8 ? 2 : 1) : word == name;

    // Optimal string alignment distance (a swap of two neighbours is one typo), bounded texts only.
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return 3;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_-]*")]
    private static partial Regex Words();
}
