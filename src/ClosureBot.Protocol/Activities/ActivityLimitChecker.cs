using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Protocol.Activities;

// The checks behind ActivityLimits.Check, field by field; the first broken limit wins.
internal static class ActivityLimitChecker
{
    public static ActivityLimitViolation? Check(Activity a) =>
        Text("text", a.Text) ?? Text("speak", a.Speak) ?? Text("summary", a.Summary)
        ?? Id("id", a.Id) ?? Id("replyToId", a.ReplyToId)
        ?? Length("channelId", a.ChannelId, ActivityLimits.MaxChannelIdLength)
        ?? Length("serviceUrl", a.ServiceUrl, ActivityLimits.MaxServiceUrlLength)
        ?? Short("type", a.Type) ?? Short("locale", a.Locale) ?? Short("localTimezone", a.LocalTimezone) ?? Short("callerId", a.CallerId)
        ?? Short("textFormat", a.TextFormat) ?? Short("attachmentLayout", a.AttachmentLayout) ?? Short("topicName", a.TopicName)
        ?? Short("inputHint", a.InputHint) ?? Short("action", a.Action) ?? Short("label", a.Label) ?? Short("valueType", a.ValueType)
        ?? Short("name", a.Name) ?? Short("code", a.Code) ?? Short("importance", a.Importance) ?? Short("deliveryMode", a.DeliveryMode)
        ?? Account("from", a.From) ?? Account("recipient", a.Recipient) ?? Conversation(a.Conversation)
        ?? Members("membersAdded", a.MembersAdded) ?? Members("membersRemoved", a.MembersRemoved)
        ?? List("entities", a.Entities, ActivityLimits.MaxEntities) ?? List("attachments", a.Attachments, ActivityLimits.MaxAttachments)
        ?? List("reactionsAdded", a.ReactionsAdded, ActivityLimits.MaxOtherListItems)
        ?? List("reactionsRemoved", a.ReactionsRemoved, ActivityLimits.MaxOtherListItems)
        ?? List("listenFor", a.ListenFor, ActivityLimits.MaxOtherListItems)
        ?? List("textHighlights", a.TextHighlights, ActivityLimits.MaxOtherListItems)
        ?? Json("value", a.Value, ActivityLimits.MaxValueBytes) ?? Json("channelData", a.ChannelData, ActivityLimits.MaxChannelDataBytes);

    private static ActivityLimitViolation? Text(string field, string? value) =>
        value is { Length: > ActivityLimits.MaxTextLength }
            ? new("TextTooLong", $"The message is too long: '{field}' has more than {ActivityLimits.MaxTextLength} characters. Send a shorter message.")
            : null;

    private static ActivityLimitViolation? Id(string field, string? value) => Length(field, value, ActivityLimits.MaxIdLength);

    private static ActivityLimitViolation? Short(string field, string? value) => Length(field, value, ActivityLimits.MaxNameLength);

    private static ActivityLimitViolation? Length(string field, string? value, int max) =>
        Within(value, max) ? null : Exceeded($"'{field}' is longer than {max} characters.");

    // The field's name is put together only for a violation: every activity has two accounts to check.
    private static ActivityLimitViolation? Account(string field, ChannelAccount? account) =>
        account is null ? null
            : Within(account.Id, ActivityLimits.MaxIdLength) && Within(account.Name, ActivityLimits.MaxNameLength)
              && Within(account.AadObjectId, ActivityLimits.MaxIdLength) && Within(account.Role, ActivityLimits.MaxNameLength)
                ? null
                : Id(field + ".id", account.Id) ?? Short(field + ".name", account.Name) ?? Id(field + ".aadObjectId", account.AadObjectId)
                  ?? Short(field + ".role", account.Role);

    private static bool Within(string? value, int max) => value is null || value.Length <= max;

    private static ActivityLimitViolation? Conversation(ConversationAccount? c) =>
        c is null ? null
            : Id("conversation.id", c.Id) ?? Short("conversation.name", c.Name) ?? Short("conversation.conversationType", c.ConversationType)
              ?? Id("conversation.tenantId", c.TenantId) ?? Id("conversation.aadObjectId", c.AadObjectId) ?? Short("conversation.role", c.Role);

    private static ActivityLimitViolation? Members(string field, List<ChannelAccount>? members)
    {
        if (List(field, members, ActivityLimits.MaxMembers) is { } violation) return violation;
        for (var i = 0; i < (members?.Count ?? 0); i++)
            if (Account($"{field}[{i}]", members![i]) is { } inner) return inner;
        return null;
    }

    private static ActivityLimitViolation? List<T>(string field, List<T>? items, int max)
    {
        if (items is null) return null;
        if (items.Count > max) return Exceeded($"'{field}' has more than {max} entries.");
        return items.Contains(default!) ? new("NullItem", $"'{field}' contains a null entry.") : null;
    }

    private static ActivityLimitViolation? Json(string field, JsonNode? node, int maxBytes)
    {
        if (node is null) return null;
        // The body is at most 1 MiB, so measuring by serializing is bounded too.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(node).Length;
        return bytes > maxBytes ? Exceeded($"'{field}' is larger than {maxBytes} bytes of JSON.") : null;
    }

    private static ActivityLimitViolation Exceeded(string message) => new("LimitExceeded", message);
}
