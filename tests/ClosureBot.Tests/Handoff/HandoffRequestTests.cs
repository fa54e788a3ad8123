using ClosureBot.Localization;
using System.Text.Json.Nodes;
using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary>Bot → people: the customer asks for a person (or is offered one), waits in a queue, or leaves it and carries on.</summary>
public class HandoffRequestTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    public static TheoryData<string> Screens => Script.Screens();

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task TalkToSupport_AtEachScreen_QueuesThenCancelCarriesOnAtTheSamePlace(string screen)
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        var queued = await ann.Send("talk to support");

        queued.Says("I've asked our support team to join this chat").Says("You're number 1 in the queue").Offers(English.Texts[TextId.LeaveQueue])
            .DoesNotSay(Script.Question(screen));
        var ticket = await app.TicketOfAsync(ann.ConversationId);
        Assert.Equal((HandoffQueues.Support, "asked", screen, HandoffStatus.Waiting, 1), (ticket.Queue, ticket.Reason, ticket.Screen, ticket.Status, ticket.Position));
        Assert.Equal(screen is OffboardingSteps.Overview or OffboardingSteps.Account ? null : "ACME", ticket.AccountAlias);
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-requested" && e.ConversationId == ann.ConversationId && e.Detail == $"support, asked, at {screen}");

        (await ann.Send("is anyone there?")).Says("I've passed that on. You're number 1 in the queue.").DoesNotSay(Script.Question(screen));
        var left = await ann.Send("cancel");

        left.Says(English.Texts[TextId.LeftQueue]).Asks(Script.Question(screen));
        Assert.Empty(await app.Desk().ListAsync(CancellationToken.None));
        (await ann.Send(Script.Next(screen))).DoesNotSay(Script.Question(screen)).DoesNotSay("queue");
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-left" && e.Actor.UserId == ann.UserId);
    }

    // Waiting in the queue, "abbrechen", "annuler" or "cancelar" were passed on to the desk as a message: only the English
    // words (and the button) left the queue. Each language's own words leave it now; a longer message that mentions
    // cancelling is still passed on, as it may be meant for the person.
    [Theory]
    [InlineData("en-US", "stop")]
    [InlineData("en-US", "stop waiting")]
    [InlineData("de-DE", "abbrechen")]
    [InlineData("de-DE", "vergiss es")]
    [InlineData("de-DE", "Warteschlange verlassen")]
    [InlineData("es-ES", "cancelar")]
    [InlineData("es-ES", "olvídalo")]
    [InlineData("es-ES", "salir de la cola")]
    [InlineData("fr-FR", "annuler")]
    [InlineData("fr-FR", "laisse tomber")]
    [InlineData("fr-FR", "quitter la file d'attente")]
    [InlineData("pt-BR", "cancelar")]
    [InlineData("pt-BR", "esquece")]
    [InlineData("pt-BR", "sair da fila")]
    public async Task Waiting_LeaveWordsInTheCustomersLanguage_LeaveTheQueue(string locale, string text)
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var (chat, t) = await WaitingAtStep2Async(app, locale);

        (await chat.Send(text)).Says(t[TextId.LeftQueue]).Asks(t[TextId.ServersInstruction]);
        Assert.Empty(await app.Desk().ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("en-US", "I want to cancel my closure, can you help?")]
    [InlineData("de-DE", "ich möchte die Schließung abbrechen, bitte helfen Sie mir")]
    public async Task Waiting_ALongerMessageAboutCancelling_IsPassedOn(string locale, string text)
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var (chat, t) = await WaitingAtStep2Async(app, locale);

        (await chat.Send(text)).Says(t.Format(TextId.PassedOnPosition, 1)).DoesNotSay(t[TextId.LeftQueue]);
        Assert.Single(await app.Desk().ListAsync(CancellationToken.None));
    }

    // A customer in the locale's language at step 2 who asked for a person and waits in the queue.
    private static async Task<(ClosureBot.Tests.Localization.LocalizedChat Chat, LocaleTable Texts)> WaitingAtStep2Async(BotApplicationFactory app, string locale)
    {
        var t = Locales.Load().For(locale);
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        foreach (var answer in Script.To(OffboardingSteps.DeleteServers)) await chat.Send(answer);
        (await chat.Send("talk to support")).Offers(t[TextId.LeaveQueue]);
        return (chat, t);
    }

    [Fact]
    public async Task TalkToSupport_BeforeStarting_QueuesAndSecondCustomerIsNumberTwo()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        var bob = app.WebChat();

        (await ann.Click(new { action = "support", step = "welcome" })).Says("You're number 1 in the queue");
        (await bob.Send("I want to talk to a human")).Says("You're number 2 in the queue");

        var tickets = await app.Desk().ListAsync(CancellationToken.None);
        Assert.Equal([1, 2], tickets.Select(t => t.Position));
        Assert.All(tickets, t => Assert.Null(t.Screen));
        (await ann.Send("cancel")).Says(English.Texts[TextId.LeftQueue]).Says("Hi, I'm ClosureBot");
        Assert.Equal(1, Assert.Single(await app.Desk().ListAsync(CancellationToken.None)).Position);
    }

    [Fact]
    public async Task Answer_NotUnderstoodThreeTimes_OfferedSupportQueuesAsMisunderstood()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.SendAll("banana", "purple");

        var offer = await ann.Send("orange");

        offer.Says("talk to a person").Offers("Talk to support");
        Assert.Equal(["Talk to support"], offer.LastButtons);
        var button = offer.Activities.SelectMany(a => a["suggestedActions"]?["actions"]?.AsArray() ?? []).Single(a => (string?)a!["title"] == "Talk to support")!;
        Assert.Equal("messageBack", (string?)button["type"]);
        var message = ann.Message((string?)button["text"], button["value"]!.DeepClone());
        (await ann.Deliver(message)).Says("You're number 1 in the queue");
        var ticket = await app.TicketOfAsync(ann.ConversationId);
        Assert.Equal(("misunderstood", OffboardingSteps.DeleteServers), (ticket.Reason, ticket.Screen));
    }

    [Fact]
    public async Task TermCommitment_SentToSales_OffersTheSalesQueue()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        var sales = await ann.Send("yes");

        sales.Says("sales representative").Offers("Talk to sales", "Talk to support");
        var button = sales.Activities.SelectMany(a => a["suggestedActions"]?["actions"]?.AsArray() ?? []).Single(a => (string?)a!["title"] == "Talk to sales")!;
        (await ann.Deliver(ann.Message((string?)button["text"], button["value"]!.DeepClone()))).Says("I've asked our sales team to join this chat");
        var ticket = await app.TicketOfAsync(ann.ConversationId);
        Assert.Equal((HandoffQueues.Sales, "term-commitment", "ACME", false), (ticket.Queue, ticket.Reason, ticket.AccountAlias, ticket.Verified));
    }

    [Theory]
    [InlineData("talk to sales")]
    [InlineData("Could I speak to the sales team about this?")]
    public async Task TalkToSales_Typed_QueuesForSales(string words)
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send(words)).Says("I've asked our sales team to join this chat");

        Assert.Equal((HandoffQueues.Sales, "asked"), ((await app.TicketOfAsync(ann.ConversationId)).Queue, (await app.TicketOfAsync(ann.ConversationId)).Reason));
    }

    [Fact]
    public async Task TalkToSupport_OutsideOpeningHours_SaysWhenAndKeepsTheMessageInTheQueue()
    {
        await using var app = HandoffTestApp.Create(storage: Storage, more: new()
        {
            ["Support:Queues:support:Hours"] = "09:00-17:00",
            ["Support:Queues:support:TimeZone"] = "Europe/London",
            ["Support:Queues:support:Days:0"] = "Monday", ["Support:Queues:support:Days:1"] = "Tuesday", ["Support:Queues:support:Days:2"] = "Wednesday",
            ["Support:Queues:support:Days:3"] = "Thursday", ["Support:Queues:support:Days:4"] = "Friday",
        });
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        // Friday 13 November 2026, 18:30 in London: closed until Monday.
        app.Clock!.Advance(new DateTimeOffset(2026, 11, 13, 18, 30, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());

        var closed = await ann.Send("talk to support");

        // The customer's browser is in Europe/Paris (the payload's localTimezone): 09:00 in London is 10:00 for them.
        closed.Says("Our support team answers Monday to Friday, 09:00–17:00 (Europe/London), so nobody can reply right now")
            .Says("from Monday 16 November, 10:00 (your time)").Says("You can leave a message here");
        Assert.Equal("help@ctl.io", closed.Fact("Email"));
        (await ann.Send("Please call me back about the VPN")).Says("Thanks, your message waits in the queue. Someone will answer from Monday 16 November, 10:00 (your time)");
        var ticket = await app.TicketOfAsync(ann.ConversationId);
        Assert.True(ticket.LeftMessage);
        var found = await app.Desk().FindAsync(ticket.Id, CancellationToken.None);
        Assert.Contains(found!.Transcript, m => m.From == "customer" && m.Text == "Please call me back about the VPN");
    }

    [Fact]
    public async Task TalkToSupport_WebChatOverConnector_EmitsHandoffInitiateWithTranscript()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        var replies = await ann.Send("talk to support");

        var initiate = Assert.Single(replies.Activities, a => (string?)a["type"] == "event");
        Assert.Equal("handoff.initiate", (string?)initiate["name"]);
        Assert.Equal(ann.UserId, (string?)initiate["from"]!["id"]);
        Assert.Equal(ann.ConversationId, (string?)initiate["conversation"]!["id"]);
        Assert.Equal(ann.ConversationId, (string?)initiate["relatesTo"]!["conversation"]!["id"]);
        Assert.False(string.IsNullOrEmpty((string?)initiate["replyToId"]));
        Assert.Equal("https://europe.webchat.botframework.com/", (string?)initiate["serviceUrl"]);
        Assert.NotNull(initiate["timestamp"]);
        var value = initiate["value"]!.AsObject();
        Assert.Equal(("support", "asked", "delete-servers", "ACME", false), ((string?)value["queue"], (string?)value["reason"], (string?)value["step"],
            (string?)value["accountAlias"], (bool)value["verified"]!));
        Assert.Equal(6, (int)value["remaining"]!["servers"]!);
        var attachment = Assert.Single(initiate["attachments"]!.AsArray())!;
        Assert.Equal(("application/json", "Transcript"), ((string?)attachment["contentType"], (string?)attachment["name"]));
        var lines = attachment["content"]!["activities"]!.AsArray().Select(a => ((string?)a!["from"]!["role"], (string?)a["text"])).ToList();
        // The last 12 lines the bot kept, then the request itself: the oldest ("I want to close my account") has gone.
        Assert.Equal(13, lines.Count);
        Assert.DoesNotContain(("user", "I want to close my account"), lines);
        Assert.Equal(("bot", "Shall we start?"), lines[0]);
        Assert.Contains(("user", "ACME"), lines);
        Assert.Equal(("user", "talk to support"), lines[^1]);
    }
}
