using ClosureBot.Localization;
using ClosureBot.Handoff;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Channels.Teams;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary>
/// A hand-back to a customer whose identity the channel proves (here Teams, with sign-in required as in production):
/// the agent's turn proves the agent, not the customer, so the account's figures wait for the customer's own message,
/// and the customer is never told to sign in again.
/// </summary>
public sealed class HandBackVerifiedTests
{
    [Fact]
    public async Task HandBack_VerifiedTeamsCustomerWithSignInRequired_InvitedToCarryOnAndTheirNextMessageShowsTheStep()
    {
        await using var connector = await FakeConnector.StartAsync();
        // The system clock: the Connector's pacing and retries wait on it.
        await using var app = new BotApplicationFactory(fakeClock: false, settings: TeamsChat.Trusting(
            ("Teams:TenantAccounts:" + TeamsChat.TenantId + ":Accounts:0", "ACME"), ("Identity:RequireVerified", "true"), ("Retention:Enabled", "false")));
        var chat = new TeamsChat(app, connector);
        foreach (var text in new[] { "I want to close my account", "yes", "no", "done", "talk to support" }) await chat.Send(text);
        var ticket = Assert.Single(await app.Desk().ListAsync(CancellationToken.None));
        await app.Desk().AcceptAsync(ticket.Id, HandoffTestApp.Dana, CancellationToken.None);
        var before = chat.Messages.Count;

        await app.Desk().HandBackAsync(ticket.Id, HandoffTestApp.Dana, new HandBack(OffboardingSteps.DeleteServices, [], null), CancellationToken.None);

        var back = string.Concat(chat.Messages.Skip(before).Select(m => m.Activity.ToJsonString()));
        Assert.Contains("handed you back", back);
        Assert.DoesNotContain("sign in", back, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(chat.Messages.Skip(before), m => (string?)m.Activity["text"] == OffboardingTexts.CarryOnAfterHandBack(English.Texts, "ACME"));
        before = chat.Messages.Count;

        await chat.Send("ok");

        var step = string.Concat(chat.Messages.Skip(before).Select(m => m.Activity.ToJsonString()));
        Assert.Contains("Step 3 of 5", step);
    }
}
