using System.IO.Compression;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Deploy;

// The Teams app package under deploy/teams: the manifest against the official schema its manifestVersion names
// (shipped in npm @microsoft/app-manifest), the icons Teams asks for, and the zip the documented command builds.
public sealed class TeamsManifestTests
{
    private const string BotId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    private const string AppId = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
    private const string Domain = "closurebot.example.com";
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "teams");

    [Fact]
    public async Task Package_FilledInManifest_PassesOfficialSchemaOfNewestShippedVersion()
    {
        using var folder = new TempFolder("closurebot-teams-");
        var zip = await DeployScript.PackageAsync(folder.Path, BotId, Domain);
        var manifest = Path.Combine(Path.GetDirectoryName(zip)!, "manifest.json");
        using (var archive = ZipFile.OpenRead(zip)) archive.GetEntry("manifest.json")!.ExtractToFile(manifest);

        var report = await CheckAsync(manifest);

        Assert.Empty(report["errors"]!.AsArray());
        Assert.Equal((string?)report["latestShipped"], (string?)report["schemaVersion"]);
        var parsed = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!;
        Assert.Equal($"https://developer.microsoft.com/en-us/json-schemas/teams/v{report["schemaVersion"]}/MicrosoftTeams.schema.json",
            (string?)parsed["$schema"]);
    }

    [Fact]
    public async Task Template_PlaceholdersLeftIn_IsRefusedBySchema()
    {
        // The committed template is not uploadable as it is; the schema check must see that (it can fail).
        var report = await CheckAsync(Path.Combine(Folder, "manifest.json"));

        var errors = report["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains(errors, e => e.StartsWith("/id ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/botId ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Package_Zip_HoldsExactlyManifestAndIconsAtRootWithIdsFilledIn()
    {
        using var folder = new TempFolder("closurebot-teams-");
        var zip = await DeployScript.PackageAsync(folder.Path, BotId.ToUpperInvariant(), Domain, "--app-id", AppId);

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        string text;
        using (var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open())) text = await reader.ReadToEndAsync();
        Assert.DoesNotContain("${{", text);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal($"https://{Domain}/", (string?)manifest["developer"]!["websiteUrl"]);
        foreach (var icon in new[] { "color.png", "outline.png" })
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Folder, icon)), Read(archive.GetEntry(icon)!));
    }

    [Theory]
    [InlineData("not-a-guid", Domain)]
    [InlineData(BotId, "https://closurebot.example.com/api/messages")]
    public async Task Package_BadBotIdOrDomain_RefusedWithoutZip(string botId, string domain)
    {
        using var folder = new TempFolder("closurebot-teams-");
        var zip = Path.Combine(folder.Path, "out.zip");

        var (exit, _, error) = await DeployScript.RunAsync("python3", "deploy/teams/package.py", "--bot-id", botId, "--domain", domain, "--out", zip);

        Assert.NotEqual(0, exit);
        Assert.Contains("must be", error);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void Manifest_Bot_IsPersonalOnlyWithTheThreeCommands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;

        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(["personal"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        var list = bot["commandLists"]!.AsArray().Single()!;
        Assert.Equal(["personal"], list["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["close my account", "status", "talk to support"], list["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal("${{BOT_ID}}", (string?)bot["botId"]);
        Assert.Equal(["${{BOT_DOMAIN}}"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void ColorIcon_Is192SquareAndOpaque()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, "color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
    }

    [Fact]
    public void OutlineIcon_Is32SquareWhiteOnTransparent()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, "outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.All(new[] { icon[0, 0], icon[31, 0], icon[0, 31], icon[31, 31] }, p => Assert.Equal(0, p.A));
        Assert.All(icon.Pixels().Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.InRange(icon.Pixels().Count(p => p.A == 255), 50, 32 * 32 / 2);
    }

    [Fact]
    public async Task Icons_Committed_AreExactlyWhatTheScriptDraws()
    {
        using var drawn = new TempFolder("closurebot-icons-");

        var (exit, _, error) = await DeployScript.RunAsync("python3", "deploy/teams/make-icons.py", "--out-dir", drawn.Path);

        Assert.True(exit == 0, $"make-icons.py failed: {error}");
        foreach (var icon in new[] { "color.png", "outline.png" })
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Folder, icon)), await File.ReadAllBytesAsync(Path.Combine(drawn.Path, icon)));
    }

    private static async Task<JsonObject> CheckAsync(string manifest)
    {
        var (exit, output, error) = await DeployScript.RunAsync("node", "tests/ClosureBot.Tests/Deploy/manifest-check.js", manifest);
        Assert.True(exit == 0 && output.Length > 0, $"manifest-check.js failed (exit {exit}): {error}");
        return JsonNode.Parse(output)!.AsObject();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
