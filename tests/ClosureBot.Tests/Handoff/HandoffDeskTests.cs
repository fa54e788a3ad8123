using ClosureBot.Localization;
using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary>People → bot: agents take conversations, write to the customer over their channel, and hand back at a chosen step.</summary>
public class HandoffDeskTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Accept_TwoAgentsRacing_ExactlyOneWins()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var tickets = new List<HandoffTicket>();
        for (var i = 0; i < 4; i++)
        {
            var customer = await app.CustomerAsync();
            await customer.SendAll(Script.To(OffboardingSteps.RetrieveData));
            await customer.Send("talk to support");
            tickets.Add(await app.TicketOfAsync(customer.ConversationId));
        }

        foreach (var ticket in tickets)
        {
            var outcomes = await Task.WhenAll(
                Task.Run(() => app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None)),
                Task.Run(() => app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Sam, None)));

            Assert.Equal([AcceptOutcome.Accepted, AcceptOutcome.AlreadyTaken], outcomes.Order());
            var winner = outcomes[0] == AcceptOutcome.Accepted ? HandoffTestApp.Dana : HandoffTestApp.Sam;
            var held = (await app.Desk().ListAsync(None)).Single(t => t.Id == ticket.Id);
            Assert.Equal((HandoffStatus.Held, winner.UserName, winner.DisplayName), (held.Status, held.AgentUserName, held.AgentDisplayName));
            Assert.Single(await app.AuditAsync(), e => e.Kind == "handoff-accepted" && e.ConversationId == DatabaseProbe.Strings(app,
                $"SELECT conversation_id FROM handoff_tickets WHERE id = '{ticket.Id}'")[0]);
        }
        Assert.Equal(AcceptOutcome.NotFound, await app.Desk().AcceptAsync("hq_nope", HandoffTestApp.Dana, None));
    }

    [Fact]
    public async Task Find_InTheAgentsLanguage_StepsServerStatesAndServiceKindsInThatLanguage()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        var de = Locales.Load().For("de-DE");

        var english = await app.Desk().FindAsync(ticket.Id, None);
        var german = await app.Desk().FindAsync(ticket.Id, de, None);

        Assert.Equal(de[TextId.StepDeleteServers], german!.Steps[1].Title);
        Assert.Contains("VA1ACMEWEB01 (Laufend)", german.Remaining!.Servers);
        Assert.Contains(german.Remaining.Services, s => s.EndsWith($"({de[TextId.KindPublicIpAddress]})", StringComparison.Ordinal));
        Assert.Contains("VA1ACMEWEB01 (Running)", english!.Remaining!.Servers);
        Assert.DoesNotContain(english.Remaining.Services, s => s.Contains("publicIpAddress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_WebChatCustomer_SeesWhoTheyTalkToAndTheAgentsMessages()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var queued = await ann.Send("talk to support");
        Assert.Contains(queued.Activities, a => (string?)a["name"] == "handoff.initiate");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));

        Assert.Equal(AcceptOutcome.Accepted, await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None));
        var sent = await app.Desk().SendAsync(ticket.Id, HandoffTestApp.Dana, "Hi, I'm Dana. How can I help?", None);

        var seen = await ann.ReadAsync();
        Assert.Equal(["You're now talking to Dana from support.", "Hi, I'm Dana. How can I help?"], seen.Texts);
        Assert.Equal("Dana (support)", (string?)seen.Activities[1]["from"]!["name"]);
        // The console shows the agent's text as typed; the customer's chat must too, not render it as Markdown (a link
        // or an image from anywhere, which the agent never saw).
        Assert.Equal("plain", (string?)seen.Activities[1]["textFormat"]);
        Assert.Equal(0, (await ann.Send("Can you extract my VM?")).Count);
        var found = await app.Desk().FindAsync(ticket.Id, None);
        Assert.Contains(found!.Transcript, m => m.Id == sent.Id && m.From == "agent" && m.Author == "Dana");
        Assert.Equal("customer", found.Transcript[^1].From);
        Assert.Contains(found.Transcript, m => m.From == "customer" && m.Text == "I want to close my account");
        Assert.Equal(["current", "todo", "todo", "todo", "todo"], found.Steps.Select(s => s.State));
        Assert.Equal(6, found.Remaining!.Servers.Count);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Desk().SendAsync(ticket.Id, HandoffTestApp.Sam, "me too", None));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Desk().SendAsync(ticket.Id, HandoffTestApp.Dana, "  ", None));
        Assert.Empty((await ann.ReadAsync()).Activities);
    }

    [Fact]
    public async Task Send_ConnectorCustomer_ReceivesTheAgentsMessageOnItsConversation()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = HandoffTestApp.Create(storage: Storage);
        var chat = new Channels.Teams.TeamsChat(app, connector);
        await chat.Send("I want to close my account");
        await chat.Send("talk to support");
        Assert.Contains(chat.Messages, m => m.Text?.Contains("You're number 1 in the queue") == true);
        Assert.DoesNotContain(connector.Requests, r => (string?)r.Activity["type"] == "event");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));

        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);
        await app.Desk().SendAsync(ticket.Id, HandoffTestApp.Dana, "Hello from Dana", None);

        var delivered = chat.Messages.TakeLast(2).ToList();
        Assert.Equal(["You're now talking to Dana from support.", "Hello from Dana"], delivered.Select(m => m.Text));
        Assert.All(delivered, m => Assert.Equal(chat.ConversationId, m.ConversationId));
    }

    [Fact]
    public async Task HandBack_WithFreshFigures_BotSpeaksFirstAtTheChosenStep()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);
        await ann.ReadAsync();
        app.KeepInInventory("ACME", keepServer: s => (string?)s["name"] == "VA1ACMEWEB01");

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.DeleteServers, [], "customer asked"), None);

        var back = await ann.ReadAsync();
        back.Says(English.Texts.Format(TextId.HandedBack, "Dana")).Says("We're at Step 2 of 5").Asks(Script.Question(OffboardingSteps.DeleteServers));
        Assert.Contains("VA1ACMEWEB01", back.Everything);
        Assert.DoesNotContain("VA1ACMEDB01", back.Everything);
        Assert.Empty(await app.Desk().ListAsync(None));
        (await ann.Send("done")).Says("1 server remains");
        var audit = Assert.Single(await app.AuditAsync(), e => e.Kind == "handoff-handed-back");
        Assert.Equal(("dana", "resume at delete-servers; facts: none; note: customer asked"), (audit.Actor.UserId, audit.Detail));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Desk().SendAsync(ticket.Id, HandoffTestApp.Dana, "still there?", None));
    }

    public static TheoryData<string, string> HandBackPoints => new()
    {
        { OffboardingSteps.Overview, "Shall we start?" },
        { OffboardingSteps.Account, "Which account do you want to close?" },
        { OffboardingSteps.TermCommitment, Script.Question(OffboardingSteps.TermCommitment) },
        { OffboardingSteps.RetrieveData, Script.Question(OffboardingSteps.RetrieveData) },
        { OffboardingSteps.DeleteServers, Script.Question(OffboardingSteps.DeleteServers) },
        { OffboardingSteps.DeleteServices, Script.Question(OffboardingSteps.DeleteServices) },
        { OffboardingSteps.RequestClose, Script.Question(OffboardingSteps.RequestClose) },
    };

    [Theory]
    [MemberData(nameof(HandBackPoints))]
    public async Task HandBack_AtEachStep_AsksThatStepsQuestion(string resumeAt, string question)
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("agent");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Sam, None);
        await ann.ReadAsync();

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Sam, new HandBack(resumeAt, [], null), None);

        var back = await ann.ReadAsync();
        Assert.Equal(English.Texts.Format(TextId.HandedBack, "Sam"), back.Texts[0]);
        back.Asks(question);
        Assert.Contains(app.Desk().HandBackPoints, p => p.Screen == resumeAt);
    }

    [Fact]
    public async Task HandBack_DataRetrievedFact_SkipsStep1AndIsRecordedOnTheRequest()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana,
            new HandBack(OffboardingSteps.RetrieveData, [VerifiedFact.DataRetrieved], "data retrieved via Service Task #123"), None);

        (await ann.ReadAsync()).Says("We're at Step 2 of 5").DoesNotSay(Script.Question(OffboardingSteps.RetrieveData));
        (await ann.SendAll("done", "yes", "done", "yes", "ACME")).Says("is logged");
        var request = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.True((bool)request["dataRetrievalAcknowledged"]!);
    }

    [Fact]
    public async Task HandBack_NoTermCommitmentFact_TheExceptionIsNotAsked()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.TermCommitment, [VerifiedFact.NoTermCommitment], null), None);

        (await ann.ReadAsync()).Says("We're at Step 1 of 5").DoesNotSay(Script.Question(OffboardingSteps.TermCommitment))
            .Asks(Script.Question(OffboardingSteps.RetrieveData));
    }

    [Fact]
    public async Task HandBack_NoTermCommitmentFact_CommitmentOnRecordStillGoesToSales()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll("I want to close my account", "yes");
        var sales = await ann.Send("INIT");
        sales.Says("Our records show a cloud term commitment on INIT").Offers("Talk to sales");
        await ann.Click("Talk to sales", new { action = "support", queue = "sales", reason = "term-commitment", accountAlias = "INIT" });
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        Assert.Equal((HandoffQueues.Sales, "INIT"), (ticket.Queue, ticket.AccountAlias));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.DeleteServers, [VerifiedFact.NoTermCommitment], null), None);

        (await ann.ReadAsync()).Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("INIT")).Says("Our records show a cloud term commitment on INIT").DoesNotSay("Step 2 of 5");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task HandBack_Unasked_NumberedStepStartsAtTheException()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.RequestClose, [], null), None);

        (await ann.ReadAsync()).Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task HandBack_IdleConversation_AgentStartsTheFlowAtAChosenStep()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.Send("I'd like to talk to a person");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.RetrieveData, [VerifiedFact.NoTermCommitment], null), None);

        (await ann.ReadAsync()).Says("We're at choosing the account").Asks(Script.Question(OffboardingSteps.Account));
        (await ann.Send("ACME")).Says("Step 1 of 5").DoesNotSay(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task HandBack_AtTheEnd_EndsPolitely()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(HandBackPoint.End, [], null), None);

        (await ann.ReadAsync()).Says(English.Texts[TextId.EndedBySupport]);
        (await ann.Send("done")).Says("Hi, I'm ClosureBot");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task HandBack_BadInput_IsRefusedAndChangesNothing()
    {
        await using var app = HandoffTestApp.Create(storage: Storage);
        var ann = await app.CustomerAsync();
        await ann.Send("talk to support");
        var ticket = Assert.Single(await app.Desk().ListAsync(None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, None);

        await Assert.ThrowsAsync<ArgumentException>(() => app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack("final-invoice", [], null), None));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack("overview", [(VerifiedFact)42], null), None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Sam, new HandBack("overview", [], null), None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Desk().HandBackAsync("hq_nope", HandoffTestApp.Dana, new HandBack("overview", [], null), None));

        Assert.Equal(HandoffStatus.Held, Assert.Single(await app.Desk().ListAsync(None)).Status);
        Assert.DoesNotContain(await app.AuditAsync(), e => e.Kind == "handoff-handed-back");
    }
}
