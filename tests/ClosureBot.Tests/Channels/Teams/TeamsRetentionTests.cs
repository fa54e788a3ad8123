using ClosureBot.Channels.Teams;
using ClosureBot.Protocol.Activities;
using ClosureBot.Retention;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Channels.Teams;

/// <summary>
/// What the bot keeps of a Teams chat (the conversation reference for proactive messages, the cards whose buttons are
/// still live) goes with the retention job like the rest of the conversation, and comes back when the customer does.
/// </summary>
public sealed class TeamsRetentionTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task RunOnce_TeamsChatIdleLongerThanItsConversation_ReferenceAndOpenCardsGoAndComeBackWithTheCustomer()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(settings: TeamsChat.Trusting(("Retention:Enabled", "false")));
        var idle = new TeamsChat(app, connector);
        await idle.PostPayload("teams-installation-update.json");
        app.Clock!.Advance(80 * Day);
        var recent = new TeamsChat(app, connector);
        await recent.PostPayload("teams-installation-update.json");
        Assert.Equal(2, Count(app, "teams_conversations"));
        Assert.Equal(2, Count(app, "teams_open_cards"));

        app.Clock.Advance(11 * Day);
        var deleted = await app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(app.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, deleted["teamsConversations"]);
        Assert.Equal(1, deleted["teamsOpenCards"]);
        Assert.Equal([recent.ConversationKey], DatabaseProbe.Strings(app.DatabasePath, "SELECT key FROM teams_conversations"));
        var messenger = app.Services.GetRequiredService<IProactiveMessenger>();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => messenger.SendAsync(idle.ConversationKey, new Activity { Text = "hello" }));

        await idle.Send("hi");
        await messenger.SendAsync(idle.ConversationKey, new Activity { Text = "Dana from support here" });
        Assert.Contains(idle.Messages, m => (string?)m.Activity["text"] == "Dana from support here");
    }

    private static int Count(BotApplicationFactory app, string table) => DatabaseProbe.Strings(app.DatabasePath, $"SELECT rowid FROM {table}").Count;
}
