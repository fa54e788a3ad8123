using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// Every example of the first paragraph of issue 10, as a customer types it over HTTP: each stopped or derailed the
/// conversation before the rule-based understanding was built from the corpus.
/// </summary>
public sealed class IssueExamplesTests
{
    [Fact]
    public async Task Welcome_TerminateWithGreeting_StartsTheClosure()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send("hi, I'd like to terminate my account")).Says("We're sorry to see you go").Asks("Shall we start?");
    }

    [Fact]
    public async Task Overview_LetsStart_AsksForTheAccount()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Overview));

        (await ann.Send("let's start")).Asks(Script.Question(OffboardingSteps.Account));
    }

    [Theory]
    [InlineData("n")]
    [InlineData("I don't think so")]
    public async Task TermCommitment_ShortOrHedgedNo_GoesOnToStep1(string no)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send(no)).Says("Step 1 of 5").DoesNotSay("sales representative");
    }

    [Theory]
    [InlineData("n")]
    [InlineData("I don't think so")]
    public async Task Overview_ShortOrHedgedNo_StopsBeforeStarting(string no)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Overview));

        (await ann.Send(no)).Says("nothing on your account has changed").DoesNotSay("Which account");
    }

    [Theory]
    [InlineData("I've retrieved my data")]
    [InlineData("I've copied everything off already")]
    // Found trying it: a check mark and "I have backups already" got "Choose Done once your data is safe".
    [InlineData("\u2705")]
    [InlineData("I have backups already")]
    public async Task RetrieveData_SaysDataIsSafe_GoesOnToStep2(string done)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send(done)).Says("Step 2 of 5");
    }

    [Fact]
    public async Task DeleteServers_IDeletedThem_ChecksWhatRemains()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send("I deleted them")).Asks("6 servers remain and keep incurring charges until the closure is verified. Continue anyway?");
    }

    [Fact]
    public async Task DeleteServices_IDeletedThem_ChecksWhatRemains()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));

        (await ann.Send("I deleted them")).Asks("7 billed services remain and keep incurring charges. Continue anyway?");
    }

    [Theory]
    [InlineData("ACME.")]
    [InlineData("my account is ACME")]
    [InlineData("Acme Corporation")]
    public async Task Account_AliasInASentence_IsRecognized(string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        (await ann.Send(answer)).Says("Cloud term commitment").Asks(Script.Question(OffboardingSteps.TermCommitment));
    }

    [Fact]
    public async Task Account_IDontKnowMyAlias_ExplainsWhereToFindIt()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.Account));

        (await ann.Send("I don't know my alias")).Says("Control Portal")
            .DoesNotSay("I couldn't find an account").DoesNotSay("pick one of the options")
            .Asks(Script.Question(OffboardingSteps.Account));
    }

    [Fact]
    public async Task TermCommitment_WhatIsATermCommitment_AnswersAndAsksAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        (await ann.Send("what's a term commitment?")).Says("contract").DoesNotSay("can't answer")
            .Asks(Script.Question(OffboardingSteps.TermCommitment));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task RetrieveData_WhatServers_AnswersAndAsksAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send("what servers?")).Says("virtual and bare metal servers").DoesNotSay("can't answer")
            .Asks(Script.Question(OffboardingSteps.RetrieveData));
    }

    [Theory]
    [InlineData("how much will the last bill be?")]
    [InlineData("what about my last invoice")]
    public async Task DeleteServers_FinalInvoiceQuestion_AnswersAndAsksAgain(string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        (await ann.Send(question)).Says("final invoice").Says("after the close of the month").DoesNotSay("Continue anyway")
            .Asks(Script.Question(OffboardingSteps.DeleteServers));
    }

    [Fact]
    public async Task AfterClosure_Thanks_SaysGoodbyeNotWelcome()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.HappyPath);

        var goodbye = await ann.Send("thanks");
        goodbye.Says("You're welcome").DoesNotSay("Hi, I'm ClosureBot");
        Assert.Empty(goodbye.Cards);
    }

    [Fact]
    public async Task AfterClosure_WhereWasI_RepeatsTheOutcomeAndReference()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var receipt = await ann.SendAll(Script.HappyPath);
        var reference = receipt.Fact("Reference")!;

        (await ann.Send("where was I")).Says("closure request for ACME is logged").Says(reference).DoesNotSay("Hi, I'm ClosureBot");
    }
}
