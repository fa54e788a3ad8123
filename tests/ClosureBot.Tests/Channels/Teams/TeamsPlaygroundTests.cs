using ClosureBot.Handoff;
using ClosureBot.Tests.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Channels.Teams;

// The bot (Development, loopback, unauthenticated /api/messages) driven by the Microsoft 365 Agents Playground in
// msteams mode: real Teams activity shapes in, replies through the Playground's mock Connector out.
public sealed class TeamsPlaygroundTests
{
    // Each step waits for text in the last message of the bot's turn, so the turn's buttons are all there when it returns.
    // The Playground splits an activity with text and a card into two messages, text first.
    private const string WelcomeCard = "Start account closure";
    private const string ReceiptCard = "We've logged your request to close ACME";

    // The canonical happy path; Click names the button a person would use instead of typing (null: typed either way).
    private static readonly (string Answer, string Expect, string? Click)[] HappyPath =
    [
        ("I want to close my account", "Shall we start?", "Start account closure"),
        ("yes", "Which account do you want to close?", "Yes"),
        ("ACME", "Do you have a cloud term commitment?", null),
        ("no", "When your data is safe, choose Done.", "No"),
        ("done", "Delete your servers in the Control Portal", "Done"),
        ("done", "servers remain and keep incurring charges", "Done"),
        ("yes", "Remove these services, then choose Done.", "Yes"),
        ("done", "billed services remain and keep incurring charges", "Done"),
        ("yes", "Type the account alias ACME to confirm", "Yes"),
        ("ACME", ReceiptCard, null),
    ];

    [Fact]
    public async Task Playground_Install_WelcomesInPersonalChat()
    {
        await using var host = new DirectLineTestHost();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "/api/messages"));
        var chat = new PlaygroundChat(playground, playground.PersonalChatId);

        var replies = await chat.InstallAsync(WelcomeCard);

        Assert.All(replies, m => Assert.Equal(playground.BotId, m.FromId));
        Assert.Contains(replies, m => m.Text?.Contains("I'm ClosureBot", StringComparison.Ordinal) == true);
        Assert.Contains(replies, m => m.CardActions.Any(a => (string?)a["title"] == WelcomeCard));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Playground_HappyPath_TypedOrClicked_EndsWithClosureReceipt(bool click)
    {
        await using var host = new DirectLineTestHost();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "/api/messages"));
        var chat = new PlaygroundChat(playground, playground.PersonalChatId);
        await chat.InstallAsync(WelcomeCard);

        IReadOnlyList<PlaygroundMessage> last = [];
        foreach (var (answer, expect, button) in HappyPath)
            last = click && button is not null ? await chat.ClickAsync(button, expect) : await chat.SayAsync(answer, expect);

        var receipt = string.Concat(last.Select(m => m.Everything));
        Assert.Matches(@"CLS-\d{8}-[A-Z0-9]+", receipt);
        Assert.Contains("ACME", receipt);
        Assert.Equal(click ? HappyPath.Count(s => s.Click is not null) : 0, chat.Clicks.Count);
        if (click) Assert.Equal("submit: Start account closure", chat.Clicks[0]);
    }

    [Fact]
    public async Task Playground_HandsOffToSupport_ReceivesTheAgentsMessageProactively()
    {
        await using var host = new DirectLineTestHost();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "/api/messages"));
        var chat = new PlaygroundChat(playground, playground.PersonalChatId);
        await chat.InstallAsync(WelcomeCard);
        await chat.SayAsync("I want to close my account", "Shall we start?");
        await chat.SayAsync("talk to support", "You're number 1 in the queue");
        var desk = host.Services.GetRequiredService<IHandoffDesk>();
        var ticket = Assert.Single(await desk.ListAsync(CancellationToken.None));
        Assert.Equal(("msteams", "overview"), (ticket.ChannelId, ticket.Screen));
        var dana = new SupportAgent("dana", "Dana");

        await chat.AfterAsync(() => desk.AcceptAsync(ticket.Id, dana, CancellationToken.None), "You're now talking to Dana from support.");
        var message = await chat.AfterAsync(() => desk.SendAsync(ticket.Id, dana, "Hello from Dana, how can I help?", CancellationToken.None),
            "Hello from Dana, how can I help?");

        Assert.All(message, m => Assert.Equal(playground.BotId, m.FromId));
        await chat.AfterAsync(() => desk.HandBackAsync(ticket.Id, dana, new HandBack("overview", [], null), CancellationToken.None), "Shall we start?");
    }

    [Fact]
    public async Task Playground_TenantMappedUser_ClosesWithoutTypingAnAliasAndIsRecordedVerified()
    {
        // The Playground's tenant, as its /_internal/v1/config names it; the bot trusts its unauthenticated channel only
        // because this is Development and the switch says so.
        const string tenant = "00000000-0000-0000-0000-0000000000001";
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["Teams:TrustUnauthenticatedChannel"] = "true",
            [$"Teams:TenantAccounts:{tenant}:Accounts:0"] = "ACME",
        });
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "/api/messages"));
        Assert.Equal(tenant, (string?)playground.Config["tenantId"] ?? (string?)playground.Config["tenant"]?["id"]);
        var chat = new PlaygroundChat(playground, playground.PersonalChatId);
        await chat.InstallAsync(WelcomeCard);

        await chat.SayAsync("I want to close my account", "Shall we start?");
        var afterYes = await chat.SayAsync("yes", "Do you have a cloud term commitment?");
        Assert.DoesNotContain(afterYes, m => m.Everything.Contains("Which account do you want to close?", StringComparison.Ordinal));
        foreach (var (answer, expect) in new[]
                 {
                     ("no", "When your data is safe, choose Done."), ("done", "Delete your servers in the Control Portal"),
                     ("done", "servers remain and keep incurring charges"), ("yes", "Remove these services, then choose Done."),
                     ("done", "billed services remain and keep incurring charges"), ("yes", "Type the account alias ACME to confirm"),
                 })
            await chat.SayAsync(answer, expect);
        var receipt = string.Concat((await chat.SayAsync("ACME", ReceiptCard)).Select(m => m.Everything));

        Assert.Contains("Verified", receipt);
        Assert.DoesNotContain("Not verified", receipt);
        Assert.True(playground.TypingCount(playground.PersonalChatId) > 0, "a typing indicator is shown while turns run");
    }

    [Fact]
    public async Task Playground_GroupChat_IsRefusedPolitelyWithALinkToAPersonalChat()
    {
        await using var host = new DirectLineTestHost();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "/api/messages"));
        var chat = new PlaygroundChat(playground, playground.GroupChatId, mentionBot: true);

        var replies = await chat.SayAsync("I want to close my account", "Chat with me privately");

        var said = string.Concat(replies.Select(m => m.Everything));
        Assert.Contains("not in a team or group chat", said);
        Assert.DoesNotContain("Shall we start?", said);
    }

    [Fact]
    public async Task Playground_ClickedCard_IsUpdatedInPlaceWithoutButtons()
    {
        await using var host = new DirectLineTestHost();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "/api/messages"));
        var chat = new PlaygroundChat(playground, playground.PersonalChatId);
        await chat.InstallAsync(WelcomeCard);
        await chat.SayAsync("I want to close my account", "Shall we start?");
        var overview = chat.Transcript.Last(m => m.Action == "createMessage" && m.CardActions.Any(a => (string?)a["title"] == "Yes"));

        await chat.ClickAsync("Yes", "Which account do you want to close?");

        var update = await playground.WaitForAsync(playground.PersonalChatId, 0,
            m => m.Action == "updateMessage" && m.MessageId == overview.MessageId, "the overview card's update");
        var updated = update.Last(m => m.Action == "updateMessage" && m.MessageId == overview.MessageId);
        Assert.DoesNotContain(updated.CardActions, a => (string?)a["type"] is "Action.Submit" or "Action.Execute");
        Assert.Contains("We're sorry to see you go", updated.Everything.Replace('\u2019', '\''));
    }
}
