using ClosureBot.Localization;
using System.Globalization;
using System.Text.Json.Nodes;
using ClosureBot.Cards;
using ClosureBot.Channels.Teams;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.Teams;

/// <summary>Every card the flow binds stays within what Teams renders: Adaptive Cards 1.5 at most, under 28 KB with its Teams buttons.</summary>
public sealed class TeamsCardLimitTests
{
    public static TheoryData<string> Templates() =>
        new(Directory.GetFiles(Path.Combine(RepoPaths.Root, "cards"), "*.data.json").Select(f => Path.GetFileName(f)[..^".data.json".Length]));

    [Theory]
    [MemberData(nameof(Templates))]
    public void BoundSampleCard_ShapedForTeams_IsVersion15AtMostAndUnder28KB(string template)
    {
        var catalog = CardCatalog.Load(Path.Combine(RepoPaths.Root, "cards"), CardCheckFixture.Strings);
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", template + ".data.json")));

        // German: the longest of the five languages' cards.
        var card = catalog.Bind(template, "de", data);
        TeamsCards.AddMessageBack(card);

        AssertWithinTeamsLimits(card, template);
    }

    [Fact]
    public async Task HappyPathInTeams_EveryCardIsWithinTeamsLimits()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.Teams();
        var cards = new List<JsonObject>();

        // "where was I" asked at step 4 (the progress card): after the closure it is answered in words, with the reference.
        foreach (var text in Script.HappyPath[..^1].Append("where was I").Append(Script.HappyPath[^1]).Append("talk to support"))
            cards.AddRange((await ann.Send(text)).Cards);

        Assert.True(cards.Count >= 8, $"only {cards.Count} cards seen");
        foreach (var card in cards) AssertWithinTeamsLimits(card, (string?)card["fallbackText"] ?? "a card");
    }

    [Fact]
    public void Completed_RemovesEveryAction_AndSaysWhatWasAnswered()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Step"},
             {"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Go"}]},
             {"type":"Container","selectAction":{"type":"Action.OpenUrl","url":"https://example.test"},"items":[]}],
             "actions":[{"type":"Action.Submit","title":"Done","data":{"action":"done"}}]}
            """)!.AsObject();

        var completed = TeamsCards.Completed(card, "Done", English.Texts);

        Assert.False(TeamsCards.HasActions(completed));
        Assert.DoesNotContain("Action.", completed.ToJsonString());
        Assert.Contains("Answered: Done", completed.ToJsonString());
        Assert.True(TeamsCards.HasActions(card));
    }

    private static void AssertWithinTeamsLimits(JsonObject card, string name)
    {
        var size = TeamsCards.SizeInBytes(card);
        Assert.True(size < TeamsCards.MaxCardBytes, $"{name}: {size} bytes");
        var version = decimal.Parse((string?)card["version"] ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(version, 1.0m, 1.5m);
    }
}
