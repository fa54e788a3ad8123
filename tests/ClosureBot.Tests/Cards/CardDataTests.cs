using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Accounts;
using ClosureBot.Cards;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Tests.Cards;

public class CardDataTests
{
    private static readonly string[] Names = ["web-01", "db-01", "backup"];

    public static TheoryData<string, object> Shapes() => new()
    {
        { "strings, numbers, booleans", new { accountAlias = "ACME", verified = true, serverCount = 3, total = 2.5, big = 5_000_000_000L } },
        { "a null property is left out", new { accountAlias = "ACME", commitmentEndsOn = (string?)null } },
        { "lists from LINQ, nested", new { groups = Names.GroupBy(n => n.Length).Select(g => new { count = g.Count(), servers = g.Select(n => new { name = n }) }) } },
        { "an object array and an empty one", new { remaining = new object[] { new { kind = "Networks", count = 2 } }, none = Array.Empty<object>() } },
        { "an enum and a date go through the serializer", new { kind = ServerKind.BareMetal, on = new DateOnly(2026, 12, 31) } },
        { "text that JSON escapes", new { name = "Ä \"quoted\" <b> \n line", emoji = "👋" } },
        { "a node passed through", new { extra = new JsonObject { ["a"] = 1 } } },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void From_AnyCardDataShape_ReadsAsTheTreeTheSerializerWouldParse(string shape, object data)
    {
        var expected = JsonSerializer.SerializeToNode(data, ProtocolJson.Options);

        var actual = CardData.ToNode(CardData.From(data, ProtocolJson.Options));

        Assert.True(JsonNode.DeepEquals(expected, actual), shape);
        Assert.Equal(expected!.ToJsonString(ProtocolJson.Options), actual!.ToJsonString(ProtocolJson.Options));
    }

    [Fact]
    public void From_Object_ReadsPropertiesInAnyCase()
    {
        var data = CardData.From(new { accountAlias = "ACME" }, ProtocolJson.Options);

        Assert.Equal("ACME", JsValue.GetProperty(data, "ACCOUNTALIAS"));
    }

    [Fact]
    public void BindData_ADataObject_WritesWhatItsJsonTreeWrites()
    {
        var catalog = CardCatalog.Load(RepoPaths.CardsFolder, CardCheckFixture.Strings);
        var data = new
        {
            accountAlias = "ACME",
            verified = false,
            groups = new[] { "Running", "Stopped" }.Select((state, i) => new
            {
                state,
                count = i + 1,
                servers = Enumerable.Range(1, i + 1).Select(n => new { name = $"VA1ACME0{n}", kind = "Virtual", dataCenter = "VA1" }),
            }),
            totalRemaining = 3,
            checkedAt = "5 Dec 2026, 14:00",
        };

        foreach (var language in CardCheckFixture.Strings.Keys)
        {
            var fromTree = catalog.BindToUtf8("step2-servers", language, JsonSerializer.SerializeToNode(data, ProtocolJson.Options));
            Assert.Equal(Encoding.UTF8.GetString(fromTree), Encoding.UTF8.GetString(catalog.BindDataToUtf8("step2-servers", language, data)));
        }
    }
}
