using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Cards;
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
        Catalog = CardCatalog.Load(RepoPaths.CardsFolder);
        Cases = [.. RepoPaths.TemplateNames().Select(SampleCase).Concat(CardCheckCases.Variants())];
        Bound = Cases.ToDictionary(c => c.Name, c => Catalog.Get(c.TemplateName).Bind(c.Data));
        Results = RunCardCheck().ToDictionary(r => r.Name);
    }

    public CardCatalog Catalog { get; }

    public IReadOnlyList<CardCheckCase> Cases { get; }

    public IReadOnlyDictionary<string, JsonObject> Bound { get; }

    public IReadOnlyDictionary<string, CardCheckResult> Results { get; }

    private static CardCheckCase SampleCase(string templateName)
    {
        var dataPath = Path.Combine(RepoPaths.CardsFolder, templateName + ".data.json");
        var data = File.Exists(dataPath) ? JsonNode.Parse(File.ReadAllText(dataPath)) : null;
        return new CardCheckCase(templateName, templateName, data ?? new JsonObject());
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
            ["template"] = File.ReadAllText(Path.Combine(RepoPaths.CardsFolder, c.TemplateName + ".json")),
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
