using System.Text.Json.Nodes;
using ClosureBot.Corpus;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>
/// One customer of <see cref="RandomCustomersTests"/>: a seeded random walk over what people do in a chat. What they do
/// next depends on what the bot last showed them: they mostly go on, but also press the other buttons, click older
/// cards, write any message of the corpus in their language or another, type an alias, and send odd text.
/// </summary>
internal sealed class RandomCustomer(string channelId, Func<string?, JsonNode?, JsonObject> message, string locale, string alias, Random random)
{
    private const string Alias = "ACME";

    private static readonly Dictionary<string, string[]> Messages = new[] { CorpusFiles.Training, CorpusFiles.HeldOut, CorpusFiles.Fresh }
        .SelectMany(CorpusFiles.Load)
        .GroupBy(e => e.Language)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Text).Distinct().ToArray());

    // What people send besides words: nothing much, symbols, markup, template-like text, a wall of text, other aliases.
    private static readonly string[] Odd =
    [
        " ", "?", "...", "🙂", "👍", "ok ok ok", "{0}", "${accountAlias}", "{{alias}}", "<b>done</b>", "**yes**", "done\n\nyes",
        "acme", " ACME ", "ACME!", "INIT", "EMPTY", "NOPE", "ACM", "ACME ACME", "close ACME now", "DROP TABLE conversations;",
        new string('a', 4_999), string.Join(' ', Enumerable.Repeat("close my account", 250)), "\u200b", "ÿ", "ä", "\t",
    ];

    private readonly List<JsonObject> _submits = [];
    private readonly List<string> _history = [];
    private Replies? _last;
    private string? _confirming;
    private readonly string _language = locale[..2];
    private readonly bool _teams = channelId == "msteams";

    /// <summary>The accounts this customer's turns requested to close.</summary>
    public HashSet<string> Requested { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The customer's next move, and whether it is a button the bot has just offered.</summary>
    public (JsonObject Activity, string Described, bool Offered) Next()
    {
        var roll = random.Next(100);
        var buttons = _last is null ? [] : SuggestedActions(_last);
        var submits = _last?.SubmitData ?? [];
        var forward = submits.Where(Forward).ToList();
        if (roll < 35 && forward.Count > 0) return Offer(Submit(forward[random.Next(forward.Count)], "card"));
        if (roll < 52 && buttons.Count > 0) return Offer(Press(buttons[random.Next(buttons.Count)]));
        if (roll < 60 && submits.Count > 0) return Offer(Submit(submits[random.Next(submits.Count)], "card"));
        if (roll < 64 && _submits.Count > 0) return Other(Submit(_submits[random.Next(_submits.Count)], "old card"));
        if (roll < 72) return Other(Type(random.Next(4) == 0 ? Alias : alias));
        if (roll < 89) return Other(Type(Pick(Messages[_language])));
        if (roll < 94) return Other(Type(Pick(Messages[Pick(Messages.Keys.ToArray())])));
        return Other(Type(Pick(Odd)));
    }

    private static (JsonObject, string, bool) Offer((JsonObject Activity, string Described) move) => (move.Activity, move.Described, true);

    private static (JsonObject, string, bool) Other((JsonObject Activity, string Described) move) => (move.Activity, move.Described, false);

    /// <summary>Whether the activity confirms the closure with something other than the alias the card asks for.</summary>
    public bool WrongAlias(JsonObject activity) =>
        (string?)activity["value"]?["action"] == "confirm-close" && !Matches((string?)activity["value"]?["confirmAlias"], _confirming ?? alias);

    // The button of a card that goes on towards the closure, which most customers choose most of the time.
    private static bool Forward(JsonObject data) => ((string?)data["step"], (string?)data["action"]) is
        (_, "start" or "done" or "confirm-close") or ("overview" or "resume", "yes") or ("term-commitment", "no");

    public void Saw(Replies replies, string described)
    {
        // The account the confirmation card asks for (the customer may have chosen another than their own).
        foreach (var card in replies.Cards)
            if (AskedAlias(card) is { } asked) _confirming = asked;
        // An unanswered message leaves the earlier reply on the screen, and its buttons.
        if (replies.Count > 0) _last = replies;
        _submits.AddRange(replies.SubmitData);
        _history.Add(described.Length > 60 ? described[..60] + "…" : described);
    }

    public string History() => string.Join(" → ", _history.TakeLast(12));

    /// <summary>Whether the customer wrote <paramref name="text"/> at some point (the bot may quote them).</summary>
    public bool Said(string text) => _history.Any(h => h.Contains(text, StringComparison.Ordinal));

    /// <summary>Whether the activity confirms with the alias typed: as the message, or in the card's input.</summary>
    public bool Confirmed(JsonObject activity, string requested) =>
        Matches((string?)activity["text"], requested) || Matches((string?)activity["value"]?["confirmAlias"], requested);

    /// <summary>Whether the customer waits in a support queue: the last reply offers to leave it (the queue's other ways follow).</summary>
    public bool Queued => _last is not null && _last.Activities
        .SelectMany(a => a["suggestedActions"]?["actions"]?.AsArray() ?? [])
        .Any(b => (string?)b?["value"]?["action"] == "leave-queue");

    public bool Blank(JsonObject activity) => activity["value"] is null && string.IsNullOrWhiteSpace((string?)activity["text"]);

    private static bool Matches(string? typed, string requested) => string.Equals(typed?.Trim(), requested, StringComparison.OrdinalIgnoreCase);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private (JsonObject, string) Type(string text) => (Shape(message(text, null)), $"typed \"{text}\"");

    private (JsonObject, string) Press(JsonObject button)
    {
        var title = (string?)button["title"];
        var activity = (string?)button["type"] switch
        {
            "messageBack" => message((string?)button["text"], button["value"]?.DeepClone()),
            _ => message((string?)button["value"] ?? title, null),
        };
        return (Shape(activity), $"pressed \"{title}\"");
    }

    private (JsonObject, string) Submit(JsonObject data, string which)
    {
        var value = (JsonObject)data.DeepClone();
        var msteams = value["msteams"];
        value.Remove("msteams");
        if ((string?)value["action"] == "confirm-close")
            value["confirmAlias"] = Pick(new[] { _confirming ?? alias, (_confirming ?? alias).ToLowerInvariant(), $" {alias}", Alias, "wrong", "", "INIT" });
        // Teams sends a messageBack submit's text with the card's data; Web Chat sends the data alone.
        var text = _teams ? (string?)msteams?["text"] : null;
        return (Shape(message(text, value)), $"{which} {value.ToJsonString()}");
    }

    private JsonObject Shape(JsonObject activity)
    {
        activity["locale"] = locale;
        return activity;
    }

    private static string? AskedAlias(JsonNode? node) => node switch
    {
        JsonObject { } input when (string?)input["id"] == "confirmAlias" => (string?)input["placeholder"],
        JsonObject obj => obj.Select(p => AskedAlias(p.Value)).FirstOrDefault(a => a is not null),
        JsonArray array => array.Select(AskedAlias).FirstOrDefault(a => a is not null),
        _ => null,
    };

    private static List<JsonObject> SuggestedActions(Replies replies) => replies.Activities.Count == 0
        ? []
        : replies.Activities[^1]["suggestedActions"]?["actions"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
}
