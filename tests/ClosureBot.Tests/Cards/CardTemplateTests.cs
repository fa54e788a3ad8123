using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Cards;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Tests.Cards;

public sealed class CardTemplateTests
{
    private static JsonObject Bind(string template, string data) =>
        CardTemplate.Parse("test.json", template).Bind(JsonNode.Parse(data));

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual.ToJsonString()}");

    [Fact]
    public void Bind_NestedAndRootPaths_ResolvesValues()
    {
        var card = Bind("""{"a":"${account.alias}","b":"${$root.account.name}","c":"${$data.account.alias}"}""",
            """{"account":{"alias":"ACME","name":"Acme"}}""");

        AssertJson("""{"a":"ACME","b":"Acme","c":"ACME"}""", card);
    }

    [Fact]
    public void Bind_TextWithSeveralExpressions_ConcatenatesText()
    {
        var card = Bind("""{"t":"${n} servers on ${alias}, ${ok}"}""", """{"n":3,"alias":"ACME","ok":true}""");

        AssertJson("""{"t":"3 servers on ACME, true"}""", card);
    }

    [Fact]
    public void Bind_WholeStringExpression_KeepsNumberBoolObjectAndArrayTypes()
    {
        var card = Bind("""{"n":"${n}","b":"${n > 2}","o":"${o}","a":"${a}","x":"${n + 1}"}""",
            """{"n":3,"o":{"k":"v"},"a":[1,"two"]}""");

        AssertJson("""{"n":3,"b":true,"o":{"k":"v"},"a":[1,"two"],"x":4}""", card);
    }

    [Fact]
    public void Bind_ArrayData_RepeatsElementWithIndexAndRoot()
    {
        var card = Bind("""{"body":[{"$data":"${items}","text":"${$index}: ${name} of ${$root.owner}"},{"text":"end"}]}""",
            """{"owner":"ACME","items":[{"name":"web"},{"name":"db"}]}""");

        AssertJson("""{"body":[{"text":"0: web of ACME"},{"text":"1: db of ACME"},{"text":"end"}]}""", card);
    }

    [Fact]
    public void Bind_EmptyArrayData_RemovesElement()
    {
        var card = Bind("""{"body":[{"$data":"${items}","text":"${name}"}]}""", """{"items":[]}""");

        AssertJson("""{"body":[]}""", card);
    }

    [Fact]
    public void Bind_ObjectData_ChangesScope()
    {
        var card = Bind("""{"body":[{"$data":"${account}","text":"${alias}"}]}""", """{"account":{"alias":"ACME"}}""");

        AssertJson("""{"body":[{"text":"ACME"}]}""", card);
    }

    [Fact]
    public void Bind_StringArrayData_BindsItemsWithDollarData()
    {
        var card = Bind("""{"body":[{"$data":"${names}","text":"${$data}"}]}""", """{"names":["a","b"]}""");

        AssertJson("""{"body":[{"text":"a"},{"text":"b"}]}""", card);
    }

    [Theory]
    [InlineData("${count(items) == 0}", false)]
    [InlineData("${count(items) > 0 && !empty(alias)}", true)]
    [InlineData("${missing}", false)]
    [InlineData("${1}", false)]
    [InlineData("${if(flag, true, false)}", true)]
    public void Bind_When_KeepsElementOnlyWhenTrue(string when, bool kept)
    {
        var card = Bind($$"""{"body":[{"$when":"{{when}}","text":"x"}]}""", """{"items":[1],"alias":"A","flag":true}""");

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void Bind_DataWithQuotesBracesAndUnicode_KeepsTextVerbatim()
    {
        const string awkward = "a \"quoted\" {brace} ${not.an.expression} \\ \u00fc \u65e5\u672c \ud83d\ude00";
        var data = new JsonObject { ["name"] = awkward };

        var card = CardTemplate.Parse("test.json", """{"a":"${name}","b":"<${name}>"}""").Bind(data);

        Assert.Equal(awkward, (string?)card["a"]);
        Assert.Equal("<" + awkward + ">", (string?)card["b"]);
    }

    [Fact]
    public void Bind_MissingField_LeavesExpressionTextLikeOfficialEngine()
    {
        var card = Bind("""{"a":"${missing}","b":"Hi ${missing.deep}!"}""", "{}");

        AssertJson("""{"a":"${missing}","b":"Hi ${missing.deep}!"}""", card);
    }

    [Fact]
    public void Bind_Functions_EvaluateLikeAdaptiveExpressions()
    {
        var card = Bind("""{"a":"${join(names, ', ', ' and ')}","b":"${string(1234.5)}","c":"${length(s)}","d":"${concat('x', 1)}","e":"${not(empty(names))}","f":"${or(false, names[0] == 'a')}"}""",
            """{"names":["a","b","c"],"s":"four"}""");

        AssertJson("""{"a":"a, b and c","b":"1,234.5","c":4,"d":"x1","e":true,"f":true}""", card);
    }

    [Fact]
    public void Bind_ReservedKeysAndLiterals_DropsDirectivesKeepsLiterals()
    {
        var card = Bind("""{"$schema":"s","n":1.5,"b":false,"z":null,"x":{"$when":"${true}","y":"${$index}"}}""", "{}");

        AssertJson("""{"$schema":"s","n":1.5,"b":false,"z":null,"x":{"y":"${$index}"}}""", card);
    }

    // Pieces without an expression are written once at compile time (FrozenNode); the bytes must be what binding writes.
    [Theory]
    [InlineData("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"static","wrap":true},{"type":"TextBlock","text":"${n}"}]}""")]
    [InlineData("""{"a":[null,1,{"x":null},[]],"b":{"$when":false,"y":1},"c":[{"$when":false,"z":1},{"w":"é <b> \"q\""}],"d":{"$data":[1,2],"t":"s"},"e":"${n}"}""")]
    [InlineData("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"only text","n":1.5,"z":null}]}""")]
    [InlineData("""{"body":[{"$data":"${items}","type":"Container","items":[{"type":"TextBlock","text":"fixed"},{"type":"TextBlock","text":"${name}"}]}]}""")]
    public void BindToUtf8_PiecesWithoutExpressions_WritesExactlyWhatBindBuilds(string json)
    {
        var template = CardTemplate.Parse("test.json", json);
        var data = JsonNode.Parse("""{"n":2,"items":[{"name":"a"},{"name":"b"}]}""");

        var written = Encoding.UTF8.GetString(template.BindToUtf8(data));

        Assert.Equal(template.Bind(data).ToJsonString(ProtocolJson.Options), written);
    }

    [Fact]
    public void Compile_APieceWithoutExpressions_IsWrittenOnceAndOneWithThemIsNot()
    {
        Assert.IsType<FrozenNode>(TemplateCompiler.Compile(JsonNode.Parse("""{"type":"TextBlock","text":"fixed","items":[1,{"a":null}]}""")));
        Assert.IsType<ObjectNode>(TemplateCompiler.Compile(JsonNode.Parse("""{"type":"TextBlock","text":"${n}"}""")));
        Assert.IsType<ObjectNode>(TemplateCompiler.Compile(JsonNode.Parse("""{"type":"TextBlock","text":"fixed","$when":"${n > 1}"}""")));
    }

    [Fact]
    public void Bind_SameTemplateTwice_GivesIndependentCards()
    {
        var template = CardTemplate.Parse("test.json", """{"o":"${o}"}""");
        var data = JsonNode.Parse("""{"o":{"k":1}}""");

        var first = template.Bind(data);
        first["o"]!["k"] = 2;
        var second = template.Bind(data);

        Assert.Equal(1, (double)second["o"]!["k"]!);
    }

    [Fact]
    public void Parse_MalformedJson_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("step9.json", """{"type": "AdaptiveCard",}"""));

        Assert.Contains("step9.json", ex.Message, StringComparison.Ordinal);
        Assert.Equal("step9.json", ex.TemplateName);
    }

    [Theory]
    [InlineData("${1 +}")]
    [InlineData("${name")]
    [InlineData("${a..b}")]
    public void Parse_MalformedExpression_ThrowsNamingFileAndPath(string text)
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("bad.json", $$"""{"body":[{"text":"{{text}}"}]}"""));

        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.body[0].text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFunction_ThrowsNamingTheFunction()
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("bad.json", """{"text":"${formatDateTime(when)}"}"""));

        Assert.Contains("unknown function 'formatDateTime'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NullInsideText_ThrowsNamingTemplateAndExpression()
    {
        var template = CardTemplate.Parse("receipt.json", """{"text":"Ends ${endsOn}"}""");

        var ex = Assert.Throws<CardTemplateException>(() => template.Bind(JsonNode.Parse("""{"endsOn":null}""")));

        Assert.Contains("receipt.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("${endsOn}", ex.Message, StringComparison.Ordinal);
    }
}
