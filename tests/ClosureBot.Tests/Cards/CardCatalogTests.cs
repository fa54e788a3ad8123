using System.Text.Json.Nodes;
using ClosureBot.Cards;

namespace ClosureBot.Tests.Cards;

public sealed class CardCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-cards-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_FolderWithSamples_LoadsTemplatesButNotSampleData()
    {
        File.WriteAllText(Path.Combine(_folder, "hello.json"), """{"type":"AdaptiveCard","text":"${name}"}""");
        File.WriteAllText(Path.Combine(_folder, "hello.data.json"), """{"name": broken json""");

        var catalog = CardCatalog.Load(_folder);

        Assert.Equal(["hello"], catalog.Names);
        Assert.Equal("Ann", (string?)catalog.Get("hello").Bind(new JsonObject { ["name"] = "Ann" })["text"]);
    }

    [Fact]
    public void Load_MalformedTemplate_ThrowsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_folder, "good.json"), """{"type":"AdaptiveCard"}""");
        File.WriteAllText(Path.Combine(_folder, "broken-card.json"), """{"type":"AdaptiveCard" """);

        var ex = Assert.Throws<CardTemplateException>(() => CardCatalog.Load(_folder));

        Assert.Contains("broken-card.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        File.WriteAllText(Path.Combine(_folder, "welcome.json"), """{"type":"AdaptiveCard"}""");

        var ex = Assert.Throws<KeyNotFoundException>(() => CardCatalog.Load(_folder).Get("farewell"));

        Assert.Contains("welcome", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepoCardsFolder_LoadsEveryTemplate()
    {
        var catalog = CardCatalog.Load(RepoPaths.CardsFolder);

        Assert.Equal(RepoPaths.TemplateNames(), catalog.Names.Order(StringComparer.Ordinal));
    }
}
