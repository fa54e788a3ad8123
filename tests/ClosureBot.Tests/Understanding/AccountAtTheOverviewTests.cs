using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// At "Shall we start?", a customer who names their account has answered two questions at once: the closure starts with
/// that account, checked as the account question checks it.
/// </summary>
public sealed class AccountAtTheOverviewTests
{
    [Theory]
    [InlineData("ACME")]
    [InlineData("acme.")]
    [InlineData("it's for Acme Corporation")]
    public async Task AccountNamed_AtTheOverview_StartsWithThatAccount(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        (await ann.Send(answer)).Says("ACME").DoesNotSay("Which account").Asks(Script.Question(OffboardingSteps.TermCommitment));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task UnknownWord_AtTheOverview_IsStillAskedYesOrNo()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        (await ann.Send("banana")).Says("Shall we start?").DoesNotSay("Which account").DoesNotSay("banana");
    }

    [Fact]
    public async Task AliasThatDoesNotExist_AtTheOverview_IsNotTakenAsAnAccount()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("close my account");

        // Not an account anyone has: the question stays yes or no, and no account is named back.
        (await ann.Send("ZZQX")).Says("Shall we start?").DoesNotSay("ZZQX");
    }
}
