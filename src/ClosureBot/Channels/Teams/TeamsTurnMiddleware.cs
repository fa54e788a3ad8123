using System.Text.Json.Nodes;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Turns;
using ClosureBot.Localization;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// Teams around every turn: stores the conversation reference, keeps closure to personal chats (a team or group chat
/// gets an explanation and a link to a personal chat), shows the typing indicator, answers <c>Action.Execute</c> like
/// the equivalent submit, and once a card is answered updates it in place to a version without buttons.
/// </summary>
internal sealed class TeamsTurnMiddleware(ITeamsConversationStore store, ConnectorClient connector, Locales locales, ILogger<TeamsTurnMiddleware> logger)
    : ITurnMiddleware
{
    // Other channels go straight on, without a state machine of this middleware's own around their turn.
    public Task OnTurnAsync(ITurnContext context, Func<CancellationToken, Task> next, CancellationToken ct) =>
        TeamsActivity.IsTeams(context.Activity) && context.Activity.Conversation?.Id is { Length: > 0 } ? OnTeamsTurnAsync(context, next, ct) : next(ct);

    private async Task OnTeamsTurnAsync(ITurnContext context, Func<CancellationToken, Task> next, CancellationToken ct)
    {
        var activity = context.Activity;
        var key = ReplyOutbox.ConversationKey(activity);
        var viaConnector = !activity.ExpectsReplies() && activity.ServiceUrl is not null;
        if (viaConnector) await store.SaveReferenceAsync(key, Reference(activity), ct);

        if (!TeamsActivity.IsPersonal(activity))
        {
            PersonalChatOnly(context);
            return;
        }

        var execute = activity.Type == ActivityTypes.Invoke && activity.Name == TeamsActivity.AdaptiveCardActionInvoke;
        if (viaConnector && (activity.Type == ActivityTypes.Message || execute)) await TypingAsync(activity, ct);
        var openCards = viaConnector ? await store.OpenCardsAsync(key, ct) : [];

        if (execute) await ExecuteAsync(context, next, openCards, ct);
        else await next(ct);

        // A card is done with when it was clicked, when a new card supersedes it, or when the conversation has moved
        // past its step (a typed answer); a question or "help" at the same step leaves its buttons.
        if (!viaConnector) return;
        var superseded = context.BufferedReplies.Any(r => TeamsCards.AdaptiveCards(r).Any());
        var located = TurnScreen.TryGet(context, out var screen);
        foreach (var (id, sent) in openCards)
        {
            var clicked = id == activity.ReplyToId && activity.Value is not null;
            var step = TeamsCards.AdaptiveCards(sent).Select(TeamsCards.StepOf).FirstOrDefault(s => s is not null);
            var movedOn = activity.Type == ActivityTypes.Message && located && step != screen;
            if (execute && clicked || !clicked && !superseded && !movedOn) continue;
            var answer = clicked ? ClickedCaption(sent, activity.Value) : activity.ReplyToId is null ? TypedAnswer(activity) : null;
            await CompleteAsync(key, id, sent, answer);
        }
    }

    /// <summary>
    /// <c>Action.Execute</c> runs as the message its data would have sent (same <c>action</c> and <c>step</c>), then is
    /// answered with the card to show in place of the clicked one: its answered version.
    /// </summary>
    private async Task ExecuteAsync(ITurnContext context, Func<CancellationToken, Task> next, IReadOnlyList<(string ActivityId, Activity Sent)> openCards,
        CancellationToken ct)
    {
        var activity = context.Activity;
        var (value, name) = (activity.Value, activity.Name);
        var action = value?["action"] as JsonObject;
        var data = action?["data"] is JsonObject d ? (JsonObject)d.DeepClone() : new JsonObject();
        if (!data.ContainsKey("action") && (string?)action?["verb"] is { } verb) data["action"] = verb;
        // The endpoint answers by the activity's type after the turn, so the type is put back however the turn ends.
        (activity.Type, activity.Name, activity.Value) = (ActivityTypes.Message, null, data);
        try
        {
            await next(ct);
        }
        finally
        {
            (activity.Type, activity.Name, activity.Value) = (ActivityTypes.Invoke, name, value);
        }
        var clicked = openCards.FirstOrDefault(c => c.ActivityId == activity.ReplyToId).Sent;
        var card = clicked is not null && TeamsCards.AdaptiveCards(clicked).FirstOrDefault() is { } shown
            ? TeamsCards.Completed(shown, TeamsCards.CaptionOf(shown, data), locales.For(activity.Locale))
            : TeamsCards.Completed(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() }, null,
                locales.For(activity.Locale));
        if (clicked is not null) await store.CloseCardAsync(ReplyOutbox.ConversationKey(activity), activity.ReplyToId!, ct);
        context.InvokeResponse = new InvokeResponse(200, new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = Attachment.AdaptiveCardContentType,
            ["value"] = card,
        });
    }

    private async Task CompleteAsync(string key, string activityId, Activity sent, string? answer)
    {
        var update = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = sent.ChannelId, ServiceUrl = sent.ServiceUrl, Conversation = sent.Conversation, From = sent.From, Recipient = sent.Recipient,
            Text = sent.Text, Locale = sent.Locale,
            Attachments = (sent.Attachments ?? []).Select(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is JsonObject card
                ? new Attachment { ContentType = a.ContentType, Content = TeamsCards.Completed(card, answer, locales.For(sent.Locale)) } : a).ToList(),
        };
        try
        {
            await connector.UpdateActivityAsync(sent.ServiceUrl!, sent.Conversation!.Id!, activityId, update, CancellationToken.None);
            await store.CloseCardAsync(key, activityId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            // Cosmetic: the turn is saved and answered; a click on the old card is answered with where the customer stands.
            logger.LogWarning(ex, "Could not update answered card {ActivityId}", activityId);
        }
    }

    private async Task TypingAsync(Activity activity, CancellationToken ct)
    {
        var typing = new Activity
        {
            Type = ActivityTypes.Typing, ChannelId = activity.ChannelId, ServiceUrl = activity.ServiceUrl, Conversation = activity.Conversation,
            From = activity.Recipient, Recipient = activity.From,
        };
        try
        {
            await connector.SendAsync(activity, [typing], ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogDebug(ex, "The typing indicator was not taken");
        }
    }

    private void PersonalChatOnly(ITurnContext context)
    {
        var activity = context.Activity;
        var asked = activity.Type == ActivityTypes.Message
            || activity.Type == ActivityTypes.Invoke && activity.Name == TeamsActivity.AdaptiveCardActionInvoke
            || activity.Type == ActivityTypes.InstallationUpdate && TeamsActivity.BotAdded(activity);
        if (!asked) return;
        var link = $"https://teams.microsoft.com/l/chat/0/0?users={Uri.EscapeDataString(activity.Recipient?.Id ?? "")}";
        var text = locales.For(activity.Locale).Format(TextId.PersonalChatOnly, link);
        if (activity.Type == ActivityTypes.Invoke)
            context.InvokeResponse = new InvokeResponse(200, new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text });
        else
            context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormatTypes.Markdown });
    }

    // What the customer clicked, as the card showed it in their language; never the button's keyword (the messageBack
    // text is the English verb, and Teams may not send the display text back).
    private static string? ClickedCaption(Activity sent, JsonNode? value) =>
        TeamsCards.AdaptiveCards(sent).Select(card => TeamsCards.CaptionOf(card, value)).FirstOrDefault(c => c is not null)
        ?? (value?["msteams"]?["displayText"] is JsonValue shown && shown.TryGetValue<string>(out var displayText) ? displayText : null);

    private static string? TypedAnswer(Activity activity) => activity.Text?.Trim() is { Length: > 0 and <= 60 } text ? text : null;

    private static ConversationReference Reference(Activity activity)
    {
        var reference = activity.GetConversationReference();
        if (reference.Conversation is { TenantId: null } c)
            reference.Conversation = new ConversationAccount
            {
                Id = c.Id, Name = c.Name, IsGroup = c.IsGroup, ConversationType = c.ConversationType, TenantId = TeamsActivity.TenantId(activity),
            };
        reference.ActivityId = null;
        return reference;
    }
}
