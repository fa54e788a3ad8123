using System.Text.Json.Nodes;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Tests.Prompts;

public class TextPromptTests
{
    private static PromptProbe Probe(string? valueField = null) => new(new TextPrompt("text"), () => new PromptOptions
    {
        Prompt = new Activity { Type = ActivityTypes.Message, Text = "Why are you leaving?" },
        ValueField = valueField,
    });

    [Fact]
    public async Task Begin_NoChoices_AsksWithoutSuggestedActions()
    {
        var outcome = await Probe().StartAsync();

        Assert.Equal(["Why are you leaving?"], outcome.Texts);
        Assert.Null(outcome.LastReply.SuggestedActions);
        Assert.Equal(InputHints.ExpectingInput, outcome.LastReply.InputHint);
    }

    [Fact]
    public async Task Continue_Text_ReturnsTrimmedText()
    {
        var probe = Probe();
        await probe.StartAsync();

        await probe.Harness.SendAsync("  Moving abroad \n");

        Assert.Equal("Moving abroad", Assert.Single(probe.Results));
    }

    [Fact]
    public async Task Continue_CardSubmitWithValueField_ReturnsThatField()
    {
        var probe = Probe(valueField: "reason");
        await probe.StartAsync();

        await probe.Harness.SubmitAsync(new JsonObject { ["action"] = "submit", ["reason"] = "Too expensive" });

        Assert.Equal("Too expensive", Assert.Single(probe.Results));
    }

    [Fact]
    public async Task Continue_TypedTextWhileValueFieldSet_ReturnsText()
    {
        var probe = Probe(valueField: "reason");
        await probe.StartAsync();

        await probe.Harness.SendAsync("typed instead");

        Assert.Equal("typed instead", Assert.Single(probe.Results));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Continue_BlankText_AsksAgain(string text)
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(text);

        Assert.Empty(probe.Results);
        Assert.Equal(["Why are you leaving?"], outcome.Texts);
    }

    [Fact]
    public async Task Continue_CardSubmitWithoutValueFieldOrText_AsksAgain()
    {
        var probe = Probe(valueField: "reason");
        await probe.StartAsync();

        var outcome = await probe.Harness.SubmitAsync(new JsonObject { ["other"] = "x" });

        Assert.Empty(probe.Results);
        Assert.Equal(["Why are you leaving?"], outcome.Texts);
    }

    [Fact]
    public async Task Continue_PatternThatWouldBacktrackForSeconds_IsReadInLinearTimeAndRepromptsInsteadOfFailing()
    {
        // Nested quantifiers: a backtracking engine needs 2^n steps on this input and gives up after the time budget
        // with an exception (a 500 for the customer, and under load even a short text can run out of wall-clock time).
        var probe = new PromptProbe(new TextPrompt("text"), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Your alias?" },
            AnswerPattern = "^(a+)+$",
        });
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(new string('a', 40) + "!");

        Assert.Empty(probe.Results);
        Assert.Equal(["Your alias?"], outcome.Texts);
    }
}
