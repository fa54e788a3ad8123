using System.Text.Json.Nodes;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Tests.Prompts;

public class ConfirmPromptTests
{
    private static PromptProbe Probe() => new(new ConfirmPrompt("confirm"), () => new PromptOptions
    {
        Prompt = new Activity { Type = ActivityTypes.Message, Text = "Close your account?" },
        RetryText = "Please answer yes or no.",
    });

    [Fact]
    public async Task Begin_NoChoicesGiven_AsksWithYesNoSuggestedActions()
    {
        var outcome = await Probe().StartAsync();

        var ask = Assert.Single(outcome.Replies);
        Assert.Equal("Close your account?", ask.Text);
        Assert.Equal(InputHints.ExpectingInput, ask.InputHint);
        Assert.Equal(["Yes", "No"], ask.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(ask.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes please!", true)]
    [InlineData("no", false)]
    [InlineData("yep", true)]
    [InlineData("nope", false)]
    public async Task Continue_TypedAnswer_Recognized(string text, bool expected)
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(text);

        Assert.Equal(expected, Assert.Single(probe.Results));
        Assert.Equal(DialogTurnStatus.Complete, outcome.Result.Status);
    }

    [Theory]
    [InlineData("sí", true)]
    [InlineData("no", false)]
    public async Task Continue_SpanishAnswerWithSpanishLocale_Recognized(string text, bool expected)
    {
        var probe = Probe();
        probe.Harness.Locale = "es-ES";
        await probe.StartAsync();

        await probe.Harness.SendAsync(text);

        Assert.Equal(expected, Assert.Single(probe.Results));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public async Task Continue_CardSubmitAction_Recognized(string action, bool expected)
    {
        var probe = Probe();
        await probe.StartAsync();

        await probe.Harness.SubmitAsync(new JsonObject { ["action"] = action });

        Assert.Equal(expected, Assert.Single(probe.Results));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes and no")]
    public async Task Continue_NeitherYesNorNo_RetriesWithYesNo(string text)
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(text);

        Assert.Empty(probe.Results);
        Assert.Equal(["Please answer yes or no."], outcome.Texts);
        Assert.Equal(["Yes", "No"], outcome.LastReply.SuggestedActions!.Actions.Select(a => a.Title));
    }
}

/// <summary>A yes/no question whose choices carry words of their own ("continue anyway" at "Continue anyway?").</summary>
public class ConfirmPromptSynonymTests
{
    private static PromptProbe Probe(params string[] yesWords) => new(new ConfirmPrompt("confirm"), () => new PromptOptions
    {
        Prompt = new Activity { Type = ActivityTypes.Message, Text = "6 servers remain. Continue anyway?" },
        RetryText = "Continue anyway? Please answer yes or no.",
        Choices = [new Choices.Choice("yes") { Title = "Yes", Synonyms = yesWords }, new Choices.Choice("no") { Title = "No" }],
    });

    [Theory]
    [InlineData("continue anyway")]
    [InlineData("let's continue")]
    [InlineData("Carry on")]
    public async Task Continue_TheYesChoicesWords_AreAYes(string text)
    {
        var probe = Probe("continue", "continue anyway", "carry on");
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(text);

        Assert.Equal(true, Assert.Single(probe.Results));
        Assert.Equal(DialogTurnStatus.Complete, outcome.Result.Status);
    }

    // A negation of the words is not their yes; it is a no when it reads as one, and asked again otherwise.
    [Theory]
    [InlineData("don't continue", false)]
    [InlineData("no, do not carry on", false)]
    [InlineData("not yet, continue later", null)]
    public async Task Continue_TheWordsNegated_AreNotAYes(string text, bool? expected)
    {
        var probe = Probe("continue", "continue anyway", "carry on");
        await probe.StartAsync();

        await probe.Harness.SendAsync(text);

        if (expected is { } no) Assert.Equal(no, Assert.Single(probe.Results));
        else Assert.Empty(probe.Results);
    }

    // Words of the no's own ("pay as you go" at "Do you have a term commitment?") are its no; negated without an explicit
    // no they answer neither, where the negation alone would have read as a no; with an explicit no they stay a no.
    [Theory]
    [InlineData("pay as you go", false)]
    [InlineData("no, pay as you go", false)]
    [InlineData("nope, month to month", false)]
    [InlineData("not pay as you go", null)]
    [InlineData("we're not month to month", null)]
    [InlineData("no", false)]
    [InlineData("not really", false)]
    public async Task TermCommitment_TheNoChoicesWords_AreANo_NegatedTheyAreNeither(string text, bool? expected)
    {
        var probe = new PromptProbe(new ConfirmPrompt("confirm"), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Do you have a cloud term commitment?" },
            RetryText = "Please answer yes or no.",
            Choices = [new Choices.Choice("yes") { Title = "Yes" }, new Choices.Choice("no") { Title = "No", Synonyms = ["pay as you go", "month to month"] }],
        });
        await probe.StartAsync();

        await probe.Harness.SendAsync(text);

        if (expected is { } answer) Assert.Equal(answer, Assert.Single(probe.Results));
        else Assert.Empty(probe.Results);
    }

    // Without words of its own, "continue anyway" answers nothing (as before): the question is asked again.
    [Fact]
    public async Task Continue_ChoicesWithoutWords_AskAgain()
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync("continue anyway");

        Assert.Empty(probe.Results);
        Assert.Equal(["Continue anyway? Please answer yes or no."], outcome.Texts);
    }

    // A question is never an answer, even in the choice's words.
    [Fact]
    public async Task Continue_AQuestionInTheWords_IsNoAnswer()
    {
        var probe = Probe("continue");
        await probe.StartAsync();

        await probe.Harness.SendAsync("what happens if I continue?");

        Assert.Empty(probe.Results);
    }
}
