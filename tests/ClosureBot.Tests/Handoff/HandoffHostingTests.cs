using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Storage;
using ClosureBot.Storage.Postgres;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Handoff;

/// <summary>The handoff in the app: no cost to conversations without a ticket, announcements to the console, configuration checked at start.</summary>
public class HandoffHostingTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Turns_OfAConversationWithoutTicket_NeverReadTheQueues()
    {
        await using var factory = HandoffTestApp.Create(storage: Storage);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IHandoffStore>(
            sp => new CountingHandoffStore(Storage == StorageProviders.Postgres
                ? new PostgresHandoffStore(sp.GetRequiredService<PostgresDatabase>())
                : new SqliteHandoffStore(sp.GetRequiredService<SqliteBotStore>().Database))))));
        var store = (CountingHandoffStore)app.Services.GetRequiredService<IHandoffStore>();
        var ann = ConversationClient.FromPayload(app.CreateClient(), "webchat-message.json", "dl_hot", "conv-hot");

        (await ann.SendAll(Script.HappyPath)).Says("is logged");

        Assert.Equal(0, store.Reads);
        (await ann.Send("talk to support")).Says("You're number 1 in the queue");
        Assert.True(store.Reads > 0);
    }

    [Fact]
    public async Task Events_QueueAcceptAndMessages_AreAnnouncedAfterTheCommit()
    {
        await using var factory = HandoffTestApp.Create(storage: Storage);
        var events = new RecordingHandoffEvents();
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IHandoffEvents>(events))));
        var ann = await WebChatCustomer.StartAsync(app.CreateClient());
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        await ann.Send("talk to support");
        var ticket = Assert.Single(events.Tickets);
        Assert.Equal((HandoffStatus.Waiting, 1), (ticket.Status, ticket.Position));
        var desk = app.Services.GetRequiredService<IHandoffDesk>();
        await desk.AcceptAsync(ticket.Id, HandoffTestApp.Dana, CancellationToken.None);
        await ann.Send("I copied everything already");

        Assert.Equal(HandoffStatus.Held, events.Tickets.Last().Status);
        var last = events.Messages.Last();
        Assert.Equal((ticket.Id, "customer", "I copied everything already"), (last.TicketId, last.From, last.Text));
        Assert.Contains(events.Messages, m => m.From == "bot" && m.Text == "You're now talking to Dana from support.");
        Assert.Equal((await desk.FindAsync(ticket.Id, CancellationToken.None))!.Transcript.Select(m => m.Id), events.Messages.Select(m => m.Id));
    }

    [Theory]
    [InlineData("Support:Queues:support:Hours", "nine to five")]
    [InlineData("Support:Queues:support:Hours", "17:00-09:00")]
    [InlineData("Support:Queues:sales:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Support:Queues:billing:Hours", "09:00-17:00")]
    public async Task Start_BadQueueConfiguration_RefusesWithTheKeyNamed(string key, string value)
    {
        await using var app = HandoffTestApp.Create(new() { [key] = value }, Storage);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IHandoffDesk>());

        Assert.Contains(string.Join(':', key.Split(':')[..3]), error.Message);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("omni channel")]
    [InlineData("emulator")]
    public async Task Start_BadHandoffStatusChannel_RefusesWithTheKeyNamed(string channel)
    {
        await using var app = HandoffTestApp.Create(new() { ["Support:HandoffStatusChannels:0"] = "omnichannel", ["Support:HandoffStatusChannels:1"] = channel }, Storage);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IHandoffDesk>());

        Assert.Contains("Support:HandoffStatusChannels:1", error.Message);
    }
}
