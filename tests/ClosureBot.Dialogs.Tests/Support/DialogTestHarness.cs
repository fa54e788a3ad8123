using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Tests.Support;

/// <summary>What one turn produced.</summary>
public sealed record TurnOutcome(DialogTurnResult Result, IReadOnlyList<Activity> Replies, DialogState State)
{
    /// <summary>The texts of the replies, in order.</summary>
    public IReadOnlyList<string?> Texts => Replies.Select(r => r.Text).ToList();

    /// <summary>The last reply.</summary>
    public Activity LastReply => Replies[^1];
}

/// <summary>
/// An in-memory conversation for dialog tests: every turn gets a fresh <see cref="TurnContext"/>, and the dialog
/// state is kept between turns only as JSON (System.Text.Json with <see cref="ProtocolJson.Options"/>), as a store
/// would keep it — so a dialog that relies on in-memory objects surviving between turns fails here.
/// </summary>
public sealed class DialogTestHarness(DialogSet dialogs, string rootDialogId, Func<object?>? rootOptions = null)
{
    private int _turn;

    /// <summary>The dialogs.</summary>
    public DialogSet Dialogs { get; } = dialogs;

    /// <summary>The saved state between turns.</summary>
    public string SavedState { get; set; } = JsonSerializer.Serialize(new DialogState(), ProtocolJson.Options);

    /// <summary>Locale of the customer's activities.</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>Channel of the customer's activities.</summary>
    public string ChannelId { get; set; } = Channels.WebChat;

    /// <summary>The saved state, loaded.</summary>
    public DialogState LoadState() => JsonSerializer.Deserialize<DialogState>(SavedState, ProtocolJson.Options)!;

    /// <summary>The customer types <paramref name="text"/>.</summary>
    public Task<TurnOutcome> SendAsync(string text) => SendAsync(Message(text));

    /// <summary>The customer clicks a card button whose data is <paramref name="value"/> (Action.Submit / postBack).</summary>
    public Task<TurnOutcome> SubmitAsync(JsonObject value)
    {
        var activity = Message(null);
        activity.Value = value;
        return SendAsync(activity);
    }

    /// <summary>
    /// Runs one turn: continues the active dialog, or begins the root dialog when the stack is empty — unless
    /// <paramref name="handler"/> says what the turn does.
    /// </summary>
    public async Task<TurnOutcome> SendAsync(Activity activity, Func<DialogContext, CancellationToken, Task<DialogTurnResult>>? handler = null)
    {
        var state = LoadState();
        var turn = new TurnContext(activity);
        var dc = Dialogs.CreateContext(turn, state);
        DialogTurnResult result;
        if (handler is not null)
        {
            result = await handler(dc, CancellationToken.None);
        }
        else
        {
            result = await dc.ContinueDialogAsync(CancellationToken.None);
            if (result.Status == DialogTurnStatus.Empty)
                result = await dc.BeginDialogAsync(rootDialogId, rootOptions?.Invoke(), CancellationToken.None);
        }
        SavedState = JsonSerializer.Serialize(state, ProtocolJson.Options);
        return new TurnOutcome(result, turn.BufferedReplies.ToList(), LoadState());
    }

    /// <summary>A message from the customer.</summary>
    public Activity Message(string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"act-{++_turn}",
        Text = text,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = "https://directline.botframework.com/",
        From = new ChannelAccount { Id = "user-1", Name = "Ada" },
        Recipient = new ChannelAccount { Id = "bot", Name = "ClosureBot" },
        Conversation = new ConversationAccount { Id = "conv-1" },
    };

    /// <summary>A non-message activity (typing, event, …) from the customer.</summary>
    public Activity Other(string type)
    {
        var activity = Message(null);
        activity.Type = type;
        activity.Name = type == ActivityTypes.Event ? "webchat/join" : null;
        return activity;
    }
}
