using System.Security.Claims;
using ClosureBot.Channels.Teams;
using ClosureBot.Identity;
using ClosureBot.Offboarding;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Channels.Teams;

/// <summary>Who a Teams user is: verified from the channel (or the Development-only switch), with accounts from <c>Teams:TenantAccounts</c>.</summary>
public sealed class TeamsIdentityTests
{
    private const string TenantKey = "Teams:TenantAccounts:" + TeamsChat.TenantId;

    [Fact]
    public async Task MappedTenantUser_IsNotAskedForAlias_AndIsRecordedVerifiedWithAadObjectId()
    {
        await using var app = new BotApplicationFactory(settings: TeamsChat.Trusting((TenantKey + ":Accounts:0", "ACME")));
        var ann = app.Teams();

        await ann.Send("I want to close my account");
        (await ann.Send("yes")).DoesNotSay("Which account do you want to close?").Asks(Script.Question(OffboardingSteps.TermCommitment));
        var receipt = await ann.SendAll("no", "done", "done", "yes", "done", "yes", "ACME");

        receipt.Says("is logged");
        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.True((bool)logged["requester"]!["verified"]!);
        Assert.Equal(TeamsChat.AadObjectId, (string?)logged["requester"]!["userId"]);
        Assert.Equal("msteams", (string?)logged["requester"]!["channelId"]);
    }

    [Fact]
    public async Task MappedSingleUser_GetsTheirOwnAccount_InsteadOfTheTenants()
    {
        await using var app = new BotApplicationFactory(settings: TeamsChat.Trusting(
            (TenantKey + ":Accounts:0", "ACME"), (TenantKey + ":Users:" + TeamsChat.AadObjectId + ":0", "EMPTY")));
        var ann = app.Teams();

        await ann.Send("I want to close my account");
        (await ann.Send("yes")).DoesNotSay("Which account do you want to close?").Says("EMPTY").DoesNotSay("ACME");
    }

    [Fact]
    public async Task UnmappedTenantUser_IsVerifiedWithNoAccount_AndGetsTheNoAccountAnswer()
    {
        await using var app = new BotApplicationFactory(settings: TeamsChat.Trusting(("Teams:TenantAccounts:some-other-tenant:Accounts:0", "ACME")));
        var ann = app.Teams();

        await ann.Send("I want to close my account");
        var afterYes = await ann.Send("yes");
        (await ann.Send("ACME")).DoesNotSay(Script.Question(OffboardingSteps.TermCommitment));

        afterYes.Says("no account is listed for you to administer");
        Assert.DoesNotContain("Do you have a cloud term commitment?", afterYes.Everything);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task WithoutChannelTokenOrSwitch_TeamsUserStaysUnverified()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { [TenantKey + ":Accounts:0"] = "ACME" });
        var ann = app.Teams();

        await ann.Send("I want to close my account");
        (await ann.Send("yes")).Asks("Which account do you want to close? Type its account alias.");
    }

    [Fact]
    public void Prove_ChannelTokenOutsideDevelopment_VerifiesTheAadUser()
    {
        var source = Source(trustSwitch: false, environment: Environments.Production);
        var context = new TurnContext(TeamsMessage());
        context.TurnState[ChannelIdentity.TurnStateKey] = new ClaimsIdentity([new Claim("serviceurl", "https://smba.trafficmanager.net/emea/")],
            ChannelIdentity.ConnectorAuthenticationType);

        var customer = VerifiedCustomer.From(source.Prove(context));

        Assert.NotNull(customer);
        Assert.Equal(TeamsChat.AadObjectId, customer.UserId);
        Assert.Equal(CustomerClaims.Sources.Teams, customer.Source);
        Assert.Equal(["ACME"], customer.Accounts);
    }

    [Theory]
    [InlineData(ChannelIdentity.EmulatorAuthenticationType)]
    [InlineData("Bearer")]
    public void Prove_ATokenThatEndorsesNoChannel_DoesNotVerify(string authenticationType)
    {
        var source = Source(trustSwitch: false, environment: Environments.Production);
        var context = new TurnContext(TeamsMessage());
        context.TurnState[ChannelIdentity.TurnStateKey] = new ClaimsIdentity([new Claim("appid", "the-bots-own-app")], authenticationType);

        Assert.Null(source.Prove(context));
    }

    [Theory]
    [InlineData(false, "Development")]
    [InlineData(true, "Production")]
    public void Prove_NoChannelToken_ProvesNothingUnlessTheSwitchIsOnInDevelopment(bool trustSwitch, string environment)
    {
        var source = Source(trustSwitch, environment);

        Assert.Null(source.Prove(new TurnContext(TeamsMessage())));
    }

    [Fact]
    public void Prove_NoChannelToken_SwitchOnInDevelopment_Verifies()
    {
        Assert.NotNull(Source(trustSwitch: true, Environments.Development).Prove(new TurnContext(TeamsMessage())));
    }

    [Fact]
    public void Startup_SwitchOnOutsideDevelopment_IsRefused()
    {
        using var factory = new BotApplicationFactory(settings: TeamsChat.Trusting(("Bot:MessagesEndpointEnabled", "false")));
        using var app = factory.WithWebHostBuilder(b => b.UseEnvironment(Environments.Production));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Teams:TrustUnauthenticatedChannel", error.ToString());
    }

    private static TeamsIdentitySource Source(bool trustSwitch, string environment)
    {
        var options = new TeamsOptions { TrustUnauthenticatedChannel = trustSwitch };
        options.TenantAccounts[TeamsChat.TenantId] = new TenantAccounts { Accounts = ["ACME"] };
        return new TeamsIdentitySource(Options.Create(options), new HostingEnvironment { EnvironmentName = environment });
    }

    private static Activity TeamsMessage() => System.Text.Json.JsonSerializer.Deserialize<Activity>(
        ConversationClient.Payload("teams-message.json").ToJsonString(), Protocol.Serialization.ProtocolJson.Options)!;
}
