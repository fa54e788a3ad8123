using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Tests.Prompts;

/// <summary>A step's choice prompt in an irreversible flow: negatives, questions and numbers never pick an option.</summary>
public class ChoicePromptAnswerTests
{
    private const string NotYet = "No rush, choose Done when you're ready.";

    private static PromptProbe Probe() => new(new ChoicePrompt("choice"), () => new PromptOptions
    {
        Prompt = new Activity { Type = ActivityTypes.Message, Text = "Choose Done when ready." },
        RetryText = "Please choose Done or Check again.",
        Choices = [new Choice("done") { Title = "Done" }, new Choice("check-again") { Title = "Check again" }],
        RecognizeNumbers = false,
        AffirmativeChoice = "done",
        NegativeReply = NotYet,
    });

    [Theory]
    [InlineData("I'm not done")]
    [InlineData("not yet")]
    [InlineData("no, wait")]
    [InlineData("nope")]
    [InlineData("almost done")]
    public async Task Negative_KeepsWaitingWithTheReplyAndCountsNoMiss(string text)
    {
        var probe = Probe();
        await probe.StartAsync();

        for (var i = 0; i < 4; i++)
        {
            var outcome = await probe.Harness.SendAsync(text);
            Assert.Equal(NotYet, outcome.LastReply.Text);
            Assert.Equal(["Done", "Check again"], outcome.LastReply.SuggestedActions!.Actions.Select(a => a.Title));
        }
        Assert.Empty(probe.Results);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("ok")]
    [InlineData("yes done")]
    [InlineData("done, I asked the support agent about it")]
    public async Task Affirmative_PicksTheAffirmativeChoice(string text)
    {
        var probe = Probe();
        await probe.StartAsync();

        await probe.Harness.SendAsync(text);

        Assert.Equal("done", Assert.IsType<FoundChoice>(Assert.Single(probe.Results)).Value);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("the last one")]
    [InlineData("done?")]
    [InlineData("how much will the last bill be?")]
    [InlineData("what servers")]
    public async Task NumberOrQuestion_PicksNothing(string text)
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(text);

        Assert.Empty(probe.Results);
        Assert.Equal("Please choose Done or Check again.", outcome.LastReply.Text);
    }

    [Fact]
    public async Task Numbers_AllowedByDefault_StillPickByPosition()
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Pick one." },
            Choices = [new Choice("a"), new Choice("b")],
        });
        await probe.StartAsync();

        await probe.Harness.SendAsync("2");

        Assert.Equal("b", Assert.IsType<FoundChoice>(Assert.Single(probe.Results)).Value);
    }
}
