using ClosureBot.Protocol.Activities;

namespace ClosureBot.Channels.Teams;

/// <summary>What a Teams activity says about where it comes from (bot-protocol §5.1, §5.2).</summary>
public static class TeamsActivity
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public static bool IsTeams(Activity activity) => activity.ChannelId == Protocol.Activities.Channels.MsTeams;

    /// <summary><c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string? TenantId(Activity activity) =>
        (activity.ChannelData?["tenant"]?["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? (string?)activity.ChannelData!["tenant"]!["id"] : null)
        ?? activity.Conversation?.TenantId;

    /// <summary>A one-to-one chat with the bot (absent type: the older personal payloads carry none).</summary>
    public static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    /// <summary>The bot itself was added (install in a team or group chat, or the personal install's membersAdded).</summary>
    public static bool BotAdded(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "add" or "add-upgrade"
        || activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m?.Id is { } id && id == activity.Recipient?.Id) == true;
}
