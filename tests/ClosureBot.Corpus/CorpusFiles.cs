using System.Text.Json;
using ClosureBot.Understanding;

namespace ClosureBot.Corpus;

/// <summary>
/// Reads the corpus: <c>Corpus/{part}.{language}.tsv</c>, one example a line as <c>kind TAB message</c>, <c>#</c> for
/// comments. <c>training</c> is what the rules were written from; <c>held-out</c> was written first and is only measured;
/// <c>fresh</c> was written once the held-out part had guided rule changes, to measure them on text no rule has seen.
/// </summary>
public static class CorpusFiles
{
    public const string Training = "training";
    public const string HeldOut = "held-out";

    /// <summary>Written after the held-out part had been used to tune the rules, before the next change; only measured.</summary>
    public const string Fresh = "fresh";

    public static readonly string[] Languages = ["en", "es", "fr", "de", "pt"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>Every example of <paramref name="part"/>, in every language; a malformed line fails with its file and line.</summary>
    public static IReadOnlyList<CorpusExample> Load(string part)
    {
        var examples = new List<CorpusExample>();
        foreach (var language in Languages)
        {
            var path = Path.Combine(Folder, $"{part}.{language}.tsv");
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var tab = line.IndexOf('\t');
                if (tab <= 0 || !Enum.TryParse<MessageKind>(line[..tab].Replace("-", ""), ignoreCase: true, out var kind) || kind == MessageKind.None)
                    throw new InvalidDataException($"{path}:{i + 1}: expected \"kind<TAB>message\" with a known kind, got \"{line}\"");
                examples.Add(new CorpusExample(language, kind, line[(tab + 1)..], part, i + 1));
            }
        }
        return examples;
    }

    /// <summary>The accounts of the demo inventory, which the alias examples name.</summary>
    public static IReadOnlyList<AccountName> DemoAccounts()
    {
        using var file = File.OpenRead(Path.Combine(Folder, "demo-inventory.json"));
        using var json = JsonDocument.Parse(file);
        return json.RootElement.GetProperty("accounts").EnumerateArray()
            .Select(a => new AccountName(a.GetProperty("alias").GetString()!, a.GetProperty("name").GetString()!)).ToList();
    }
}
