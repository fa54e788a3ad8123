using System.Text.Json.Nodes;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Tests.Prompts;

public class ChoicePromptTests
{
    private static readonly Choice[] Choices =
    [
        new("keep") { Title = "Keep my account" },
        new("close") { Title = "Close it", Synonyms = ["shut it down"] },
        new("done") { Title = "I'm done", Synonyms = ["finished", "nothing else"] },
    ];

    private static PromptProbe Probe() => new(new ChoicePrompt("choice"), () => new PromptOptions
    {
        Prompt = new Activity { Type = ActivityTypes.Message, Text = "What would you like to do?" },
        RetryText = "Please pick one of the options.",
        Choices = Choices,
    });

    [Fact]
    public async Task Begin_Choices_OfferedAsSuggestedActionsByTitle()
    {
        var outcome = await Probe().StartAsync();

        Assert.Equal(["Keep my account", "Close it", "I'm done"], outcome.LastReply.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("Close it", outcome.LastReply.SuggestedActions.Actions[1].Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("Close it", "close", 1)]
    [InlineData("close it", "close", 1)]
    [InlineData("keep my account", "keep", 0)]
    [InlineData("shut it down", "close", 1)]
    [InlineData("finished", "done", 2)]
    [InlineData("I'm done", "done", 2)]
    [InlineData("2", "close", 1)]
    [InlineData("the second one", "close", 1)]
    [InlineData("close", "close", 1)]
    public async Task Continue_TypedAnswer_FindsChoice(string text, string value, int index)
    {
        var probe = Probe();
        await probe.StartAsync();

        await probe.Harness.SendAsync(text);

        var found = Assert.IsType<FoundChoice>(Assert.Single(probe.Results));
        Assert.Equal(value, found.Value);
        Assert.Equal(index, found.Index);
    }

    [Fact]
    public async Task Continue_CardSubmitAction_FindsChoiceByValue()
    {
        var probe = Probe();
        await probe.StartAsync();

        await probe.Harness.SubmitAsync(new JsonObject { ["action"] = "done" });

        var found = Assert.IsType<FoundChoice>(Assert.Single(probe.Results));
        Assert.Equal("done", found.Value);
        Assert.Equal(2, found.Index);
    }

    [Fact]
    public async Task Continue_CardSubmitUnknownAction_Retries()
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SubmitAsync(new JsonObject { ["action"] = "delete-everything" });

        Assert.Empty(probe.Results);
        Assert.Equal(["Please pick one of the options."], outcome.Texts);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("4")]
    public async Task Continue_NoMatch_RetryTextWithChoicesAgain(string text)
    {
        var probe = Probe();
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(text);

        Assert.Empty(probe.Results);
        var retry = Assert.Single(outcome.Replies);
        Assert.Equal("Please pick one of the options.", retry.Text);
        Assert.Equal(InputHints.ExpectingInput, retry.InputHint);
        Assert.Equal(["Keep my account", "Close it", "I'm done"], retry.SuggestedActions!.Actions.Select(a => a.Title));
    }
}
