using System.Text;
using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Support;

/// <summary>The bot's replies to one turn, read the way a customer sees them: texts, cards, buttons.</summary>
public sealed class Replies(IReadOnlyList<JsonObject> activities)
{
    public IReadOnlyList<JsonObject> Activities { get; } = activities;

    public int Count => Activities.Count;

    /// <summary>The message texts, in order.</summary>
    public IReadOnlyList<string> Texts => Activities.Select(a => (string?)a["text"]).OfType<string>().ToList();

    /// <summary>The Adaptive Cards, in order.</summary>
    public IReadOnlyList<JsonObject> Cards => Activities
        .SelectMany(a => a["attachments"]?.AsArray() ?? [])
        .Where(a => (string?)a!["contentType"] == "application/vnd.microsoft.card.adaptive")
        .Select(a => a!["content"]!.AsObject()).ToList();

    /// <summary>Everything readable: message texts, then every card's text blocks, fact titles and values, inputs' labels.</summary>
    public string Everything
    {
        get
        {
            var all = new StringBuilder();
            foreach (var activity in Activities)
            {
                if ((string?)activity["text"] is { } text) all.AppendLine(text);
                foreach (var card in activity["attachments"]?.AsArray() ?? []) AppendCardText(card!["content"], all);
            }
            return all.ToString();
        }
    }

    /// <summary>The titles of the buttons offered: suggested actions and card actions.</summary>
    public IReadOnlyList<string> Buttons => Activities
        .SelectMany(a => a["suggestedActions"]?["actions"]?.AsArray() ?? [])
        .Select(a => (string)a!["title"]!)
        .Concat(Cards.SelectMany(CardActions).Select(a => (string)a["title"]!))
        .ToList();

    /// <summary>The titles of the last reply's suggested actions: the only suggested actions Web Chat and Teams show.</summary>
    public IReadOnlyList<string> LastButtons =>
        Activities.Count == 0 ? [] : Activities[^1]["suggestedActions"]?["actions"]?.AsArray().Select(a => (string)a!["title"]!).ToList() ?? [];

    /// <summary>The <c>Action.Submit</c> data of the card buttons.</summary>
    public IReadOnlyList<JsonObject> SubmitData => Cards.SelectMany(CardActions)
        .Where(a => (string?)a["type"] == "Action.Submit" && a["data"] is JsonObject).Select(a => a["data"]!.AsObject()).ToList();

    /// <summary>The URL of the card's <c>Action.OpenUrl</c> titled <paramref name="title"/>.</summary>
    public string? OpenUrl(string title) => Cards.SelectMany(CardActions)
        .Where(a => (string?)a["type"] == "Action.OpenUrl" && (string?)a["title"] == title).Select(a => (string?)a["url"]).FirstOrDefault();

    /// <summary>The value of the first fact titled <paramref name="title"/> in the cards.</summary>
    public string? Fact(string title) => Facts().Where(f => f.Title == title).Select(f => f.Value).FirstOrDefault();

    public IEnumerable<(string Title, string Value)> Facts() => Cards.SelectMany(c => Descendants(c))
        .Where(n => (string?)n["type"] == "FactSet")
        .SelectMany(n => n["facts"]!.AsArray())
        .Select(f => ((string)f!["title"]!, (string)f["value"]!));

    /// <summary>Asserts the customer reads <paramref name="fragment"/> somewhere in these replies.</summary>
    public Replies Says(string fragment)
    {
        Assert.True(Everything.Contains(fragment, StringComparison.Ordinal),
            $"Expected the bot to say \"{fragment}\", but it said:\n{Everything}");
        return this;
    }

    public Replies DoesNotSay(string fragment)
    {
        Assert.False(Everything.Contains(fragment, StringComparison.Ordinal),
            $"Expected the bot not to say \"{fragment}\", but it said:\n{Everything}");
        return this;
    }

    /// <summary>Asserts the last reply asks <paramref name="question"/> (the question is asked again, not just mentioned).</summary>
    public Replies Asks(string question)
    {
        Assert.True(Count > 0, "Expected a question, but the bot said nothing.");
        var last = Activities[^1];
        Assert.Equal("expectingInput", (string?)last["inputHint"]);
        var text = (string?)last["text"] ?? "";
        Assert.True(text.Contains(question, StringComparison.Ordinal), $"Expected the last reply to ask \"{question}\", but it was \"{text}\". Everything:\n{Everything}");
        return this;
    }

    public Replies Offers(params string[] buttons)
    {
        foreach (var button in buttons) Assert.Contains(button, Buttons);
        return this;
    }

    public override string ToString() => Everything;

    private static IEnumerable<JsonObject> CardActions(JsonObject card) =>
        Descendants(card).SelectMany(n => n["actions"] is JsonArray actions ? actions.OfType<JsonObject>() : [])
            .Concat(Descendants(card).Where(n => n["selectAction"] is JsonObject).Select(n => n["selectAction"]!.AsObject()));

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                    foreach (var d in Descendants(child)) yield return d;
                break;
            case JsonArray array:
                foreach (var child in array)
                    foreach (var d in Descendants(child)) yield return d;
                break;
        }
    }

    private static void AppendCardText(JsonNode? node, StringBuilder all)
    {
        foreach (var element in Descendants(node))
        {
            if ((string?)element["type"] is "TextBlock" or "TextRun" && element["text"] is JsonValue text) all.AppendLine((string?)text);
            if ((string?)element["type"] is "FactSet")
                foreach (var fact in element["facts"]!.AsArray()) all.AppendLine($"{fact!["title"]}: {fact["value"]}");
            if ((string?)element["type"] is { } type && type.StartsWith("Input.") && element["label"] is JsonValue label) all.AppendLine((string?)label);
        }
    }
}
