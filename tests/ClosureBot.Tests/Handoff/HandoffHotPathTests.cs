using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Handoff;

/// <summary>The handoff costs a conversation that never asked for a person nothing; bad queue configuration stops the start.</summary>
public sealed class HandoffHotPathTests
{
    [Fact]
    public async Task Turns_OfAConversationWithoutTicket_NeverReadTheQueues()
    {
        await using var factory = HandoffTestApp.Create();
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IHandoffStore>(
            sp => new CountingHandoffStore(new SqliteHandoffStore(sp.GetRequiredService<SqliteBotStore>().Database))))));
        var store = (CountingHandoffStore)app.Services.GetRequiredService<IHandoffStore>();
        var ann = ConversationClient.FromPayload(app.CreateClient(), "webchat-message.json", "dl_hot", "conv-hot");

        (await ann.SendAll(Script.HappyPath)).Says("is logged");

        Assert.Equal(0, store.Reads);
        (await ann.Send("talk to support")).Says("You're number 1 in the queue");
        Assert.True(store.Reads > 0);
    }

    [Theory]
    [InlineData("Support:Queues:support:Hours", "nine to five")]
    [InlineData("Support:Queues:support:Hours", "17:00-09:00")]
    [InlineData("Support:Queues:sales:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Support:Queues:billing:Hours", "09:00-17:00")]
    public async Task Start_BadQueueConfiguration_RefusesWithTheKeyNamed(string key, string value)
    {
        await using var app = HandoffTestApp.Create(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IHandoffDesk>());

        Assert.Contains(string.Join(':', key.Split(':')[..3]), error.Message);
    }
}
