using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Cards;
using ClosureBot.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Cards;

// Binds every template in <repo>/cards with the app's engine and checks all of them in ONE run of
// card-check.js (official adaptivecards-templating + adaptivecards parser), so Node starts once.
public sealed class CardCheckFixture
{
    private const string InstallHint =
        "Run the test command from the README, which installs the Node packages first (npm ci --prefix tests).";

    public CardCheckFixture()
    {
        Catalog = CardCatalog.Load(RepoPaths.CardsFolder, Strings);
        Cases = [.. RepoPaths.TemplateNames().Select(n => SampleCase(n, "en")).Concat(CardCheckCases.Variants())
            .Concat(OtherLanguages.SelectMany(l => RepoPaths.TemplateNames().Select(n => SampleCase(n, l))))];
        Bound = Cases.ToDictionary(c => c.Name, c => Catalog.Get(c.TemplateName, c.Language).Bind(c.Data));
        Results = RunCardCheck().ToDictionary(r => r.Name);
    }

    /// <summary>The card strings of every language the bot speaks.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Strings { get; } =
        Locales.Load().All.ToDictionary(t => t.Language, t => t.Cards);

    /// <summary>The languages besides English whose cards are checked too (named <c>template@language</c>).</summary>
    public static IEnumerable<string> OtherLanguages => Strings.Keys.Where(l => l != "en");

    public CardCatalog Catalog { get; }

    public IReadOnlyList<CardCheckCase> Cases { get; }

    public IReadOnlyDictionary<string, JsonObject> Bound { get; }

    public IReadOnlyDictionary<string, CardCheckResult> Results { get; }

    private static CardCheckCase SampleCase(string templateName, string language)
    {
        var dataPath = Path.Combine(RepoPaths.CardsFolder, templateName + ".data.json");
        var data = File.Exists(dataPath) ? JsonNode.Parse(File.ReadAllText(dataPath)) : null;
        return new CardCheckCase(language == "en" ? templateName : $"{templateName}@{language}", templateName, data ?? new JsonObject(), language);
    }

    // The template as the app compiles it for a language: its strings put in (what the official engine must agree with).
    private static string LocalizedTemplate(CardCheckCase c)
    {
        var file = c.TemplateName + ".json";
        return CardStrings.Inline(file, JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.CardsFolder, file)))!, Strings[c.Language], c.Language)
            .ToJsonString();
    }

    private IEnumerable<CardCheckResult> RunCardCheck()
    {
        var nodeModules = Path.Combine(RepoPaths.TestsFolder, "node_modules");
        foreach (var package in new[] { "adaptivecards", "adaptivecards-templating" })
        {
            if (!Directory.Exists(Path.Combine(nodeModules, package)))
            {
                throw new InvalidOperationException($"The Node package '{package}' is missing from {nodeModules}. {InstallHint}");
            }
        }

        var input = new JsonArray([.. Cases.Select(c => new JsonObject
        {
            ["name"] = c.Name,
            ["template"] = LocalizedTemplate(c),
            ["data"] = c.Data.DeepClone(),
            ["bound"] = Bound[c.Name].DeepClone(),
        })]);

        var process = NodeScript.Start("Cards/card-check.js", [], redirectInput: true);

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("card-check.js did not finish within 60 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"card-check.js failed (exit {process.ExitCode}): {stderr.Result}");
            }

            return JsonNode.Parse(stdout.Result)!.AsArray().Select(r => new CardCheckResult(
                (string)r!["name"]!,
                r["official"]?.ToJsonString(),
                (string?)r["mismatch"],
                [.. r["errors"]!.AsArray().Select(e => (string)e!)])).ToList();
        }
    }
}
