using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Cards;

public sealed class CardConformanceTests(CardCheckFixture fixture) : IClassFixture<CardCheckFixture>
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in RepoPaths.TemplateNames())
        {
            data.Add(name);
        }

        foreach (var variant in CardCheckCases.Variants())
        {
            data.Add(variant.Name);
        }

        foreach (var language in CardCheckFixture.OtherLanguages)
        {
            foreach (var name in RepoPaths.TemplateNames())
            {
                data.Add($"{name}@{language}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bind_CaseData_EqualsOfficialTemplating(string name)
    {
        var result = fixture.Results[name];

        Assert.NotNull(result.Official);
        Assert.True(result.Mismatch is null, $"{name}: {result.Mismatch}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(result.Official), fixture.Bound[name]), $"{name} differs from the official binding");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bind_CaseData_PassesOfficialParserAndCardRules(string name)
    {
        var errors = fixture.Results[name].Errors;

        Assert.True(errors.Count == 0, $"{name}:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BindToUtf8_CaseData_WritesExactlyWhatBindBuilds(string name)
    {
        var @case = fixture.Cases.Single(c => c.Name == name);

        var written = fixture.Catalog.Get(@case.TemplateName, @case.Language).BindToUtf8(@case.Data);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written), fixture.Bound[name]), $"{name}: the written card differs from the bound one");
    }

    [Fact]
    public void CardsFolder_EveryTemplate_HasSampleDataBesideIt()
    {
        var missing = RepoPaths.TemplateNames()
            .Where(n => !File.Exists(Path.Combine(RepoPaths.CardsFolder, n + ".data.json")))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void CardsFolder_ScreensOfTheDesign_AllHaveATemplate()
    {
        string[] screens =
        [
            "welcome", "overview", "exception-term-commitment", "step1-retrieve-data", "step2-servers",
            "step3-services", "step4-request-close", "receipt", "progress", "support", "resume",
        ];

        Assert.All(screens, s => Assert.Contains(s, fixture.Catalog.Names));
    }

    [Theory]
    [InlineData("step1-retrieve-data", "Step 1 of 5")]
    [InlineData("step2-servers", "Step 2 of 5")]
    [InlineData("step3-services", "Step 3 of 5")]
    [InlineData("step4-request-close", "Step 4 of 5")]
    [InlineData("receipt", "Step 5 of 5")]
    public void StepCard_SampleData_ShowsStepNumberInBody(string name, string expected)
    {
        var body = fixture.Bound[name]["body"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Step2Servers_AllClearData_ShowsAllClearAndNoServerList()
    {
        var body = fixture.Bound["step2-servers#all-clear"]["body"]!.ToJsonString();

        Assert.Contains("All clear", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0 servers remain", body, StringComparison.Ordinal);
    }
}
