using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Channels.Teams;

// One chat in the Agents Playground seen as a person uses it: type, click a button, read what came back.
// Each action returns the bot's messages that arrived after it, waiting until one of them reads `expect`.
// In a group chat or channel, pass mentionBot: the bot only hears messages that @mention it there.
public sealed class PlaygroundChat(AgentsPlayground playground, string conversationId, string? userId = null, bool mentionBot = false)
{
    private readonly List<string> _clicks = [];
    private int _seen;

    public string ConversationId { get; } = conversationId;

    public IReadOnlyList<PlaygroundMessage> Transcript => playground.Messages(ConversationId);

    /// <summary>How each click reached the bot: "submit: Title" (card Action.Submit) or "imBack: Title" (suggested action).</summary>
    public IReadOnlyList<string> Clicks => _clicks;

    /// <summary>Adds the app to this chat and waits for the bot to say <paramref name="expect"/>.</summary>
    public Task<IReadOnlyList<PlaygroundMessage>> InstallAsync(string expect) =>
        ActAsync(() => playground.InstallAsync(ConversationId), expect, "install");

    public Task<IReadOnlyList<PlaygroundMessage>> SayAsync(string text, string expect) =>
        ActAsync(() => playground.SendAsync(ConversationId, text, userId, mentionBot), expect, $"\"{text}\"");

    /// <summary>
    /// Clicks the newest button titled <paramref name="title"/>: a card's Action.Submit posts its data with the card's
    /// message id (as Teams does); a suggested imBack action sends its value as the user's text.
    /// </summary>
    public Task<IReadOnlyList<PlaygroundMessage>> ClickAsync(string title, string expect)
    {
        foreach (var message in Transcript.Reverse())
        {
            if (message.CardActions.FirstOrDefault(a => (string?)a["title"] == title && (string?)a["type"] == "Action.Submit") is { } submit)
            {
                _clicks.Add($"submit: {title}");
                return ActAsync(() => playground.SubmitAsync(ConversationId, message.MessageId!, submit["data"]?.AsObject() ?? [], userId),
                    expect, $"click {title}");
            }
            if (message.SuggestedActions.FirstOrDefault(a => (string?)a["title"] == title && (string?)a["type"] == "imBack") is { } imBack)
            {
                _clicks.Add($"imBack: {title}");
                return ActAsync(() => playground.SendAsync(ConversationId, (string?)imBack["value"] ?? title, userId, mentionBot), expect, $"click {title}");
            }
        }
        throw new InvalidOperationException($"No button titled \"{title}\" in the chat:\n{string.Join("\n", Transcript)}");
    }

    /// <summary>Runs <paramref name="act"/> (something outside the chat, e.g. a support agent) and waits for <paramref name="expect"/> in the chat.</summary>
    public Task<IReadOnlyList<PlaygroundMessage>> AfterAsync(Func<Task> act, string expect) => ActAsync(act, expect, "an action outside the chat");

    private async Task<IReadOnlyList<PlaygroundMessage>> ActAsync(Func<Task> act, string expect, string description)
    {
        var skip = _seen;
        await act();
        var replies = await playground.WaitForAsync(ConversationId, skip, m => m.Everything.Contains(expect, StringComparison.Ordinal),
            $"\"{expect}\" after {description}");
        _seen = skip + replies.Count;
        return replies;
    }
}
