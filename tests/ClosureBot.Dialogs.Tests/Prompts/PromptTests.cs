using System.Text.Json.Nodes;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Tests.Prompts;

/// <summary>Behaviour every prompt shares (the <see cref="Prompt{T}"/> base).</summary>
public class PromptTests
{
    private static readonly Choice[] Choices = [new("keep") { Title = "Keep" }, new("close") { Title = "Close" }];

    private static PromptOptions ChoiceOptions(int maxAttempts = 3, string? retryText = "Pick one, please.", List<Attachment>? attachments = null) => new()
    {
        Prompt = new Activity { Type = ActivityTypes.Message, Text = "Keep or close?", Attachments = attachments },
        RetryText = retryText,
        Choices = Choices,
        MaxAttempts = maxAttempts,
    };

    [Fact]
    public async Task Continue_MissWithoutRetryText_AsksOriginalTextWithSuggestedActions()
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions(retryText: null));
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync("what?");

        Assert.Equal(["Keep or close?"], outcome.Texts);
        Assert.Equal(["Keep", "Close"], outcome.LastReply.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Continue_ValidatorRejects_RetryTextFromValidatorThenAcceptsLaterAnswer()
    {
        var seen = new List<(bool Succeeded, string? Value, int Attempts)>();
        PromptValidator<string> validator = (check, _) =>
        {
            seen.Add((check.Succeeded, check.Value, check.Attempts));
            if (check.Value?.Length >= 5) return Task.FromResult(true);
            check.RetryText = $"'{check.Value}' is too short, tell me a bit more.";
            return Task.FromResult(false);
        };
        var probe = new PromptProbe(new TextPrompt("text", validator), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Why?" },
            RetryText = "Standard retry",
        });
        await probe.StartAsync();

        var rejected = await probe.Harness.SendAsync("meh");
        var accepted = await probe.Harness.SendAsync("moving abroad");

        Assert.Equal(["'meh' is too short, tell me a bit more."], rejected.Texts);
        Assert.Equal(DialogTurnStatus.Waiting, rejected.Result.Status);
        Assert.Equal(["moving abroad"], probe.Results);
        Assert.Equal([(true, "meh", 1), (true, "moving abroad", 2)], seen);
        Assert.Equal(DialogTurnStatus.Complete, accepted.Result.Status);
    }

    [Fact]
    public async Task Continue_ValidatorRejectsWithoutRetryText_UsesPromptRetryText()
    {
        var probe = new PromptProbe(new ConfirmPrompt("confirm", (_, _) => Task.FromResult(false)), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Sure?" },
            RetryText = "You have to say yes to continue.",
        });
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync("no");

        Assert.Empty(probe.Results);
        Assert.Equal(["You have to say yes to continue."], outcome.Texts);
    }

    [Fact]
    public async Task Continue_ValidatorAcceptsUnrecognized_EndsWithDefaultValue()
    {
        var probe = new PromptProbe(new ConfirmPrompt("confirm", (check, _) => Task.FromResult(!check.Succeeded)), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Sure?" },
        });
        await probe.StartAsync();

        await probe.Harness.SendAsync("pineapple");

        Assert.Equal([false], probe.Results);
    }

    [Fact]
    public async Task Continue_MaxAttemptsMissed_EndsExhaustedWithoutAskingAgain()
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions(maxAttempts: 2));
        await probe.StartAsync();

        var first = await probe.Harness.SendAsync("banana");
        var second = await probe.Harness.SendAsync("apple");

        Assert.Equal(["Pick one, please."], first.Texts);
        Assert.Empty(second.Replies);
        Assert.Same(PromptResult.Exhausted, Assert.Single(probe.Results));
        Assert.Equal(DialogTurnStatus.Complete, second.Result.Status);
        Assert.Empty(second.State.Stack);
    }

    [Fact]
    public async Task Continue_AnswerOnLastAttempt_Accepted()
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions(maxAttempts: 2));
        await probe.StartAsync();

        await probe.Harness.SendAsync("banana");
        await probe.Harness.SendAsync("close");

        Assert.Equal("close", Assert.IsType<FoundChoice>(Assert.Single(probe.Results)).Value);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    public async Task Continue_NonMessageActivity_StaysWaitingWithoutUsingAnAttempt(string type)
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions(maxAttempts: 1));
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(probe.Harness.Other(type));
        await probe.Harness.SendAsync("close");

        Assert.Equal(DialogTurnStatus.Waiting, outcome.Result.Status);
        Assert.Empty(outcome.Replies);
        Assert.Equal(["probe", "choice"], outcome.State.Stack.Select(i => i.Id));
        Assert.Equal("close", Assert.IsType<FoundChoice>(Assert.Single(probe.Results)).Value);
    }

    [Fact]
    public async Task Begin_PromptWithAttachments_NoSuggestedActionsAdded()
    {
        var card = new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new JsonObject { ["type"] = "AdaptiveCard" } };
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions(attachments: [card]));

        var outcome = await probe.StartAsync();

        Assert.Collection(outcome.Replies,
            shown =>
            {
                Assert.Null(shown.SuggestedActions);
                Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(shown.Attachments!).ContentType);
            },
            ask =>
            {
                Assert.Null(ask.SuggestedActions);
                Assert.Null(ask.Attachments);
                Assert.False(string.IsNullOrEmpty(ask.Text));
                Assert.Equal(InputHints.ExpectingInput, ask.InputHint);
            });
    }

    [Fact]
    public async Task Begin_PromptWithOwnSuggestedActions_KeptAsGiven()
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => new PromptOptions
        {
            Prompt = new Activity { Type = ActivityTypes.Message, Text = "Keep or close?", SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Custom")] } },
            Choices = Choices,
        });

        var outcome = await probe.StartAsync();

        Assert.Equal(["Custom"], outcome.LastReply.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task RepromptDialogAsync_ActivePrompt_AsksOriginalTextWithChoices()
    {
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions());
        await probe.StartAsync();

        var outcome = await probe.Harness.SendAsync(probe.Harness.Message("help"), async (dc, ct) =>
        {
            await dc.RepromptDialogAsync(ct);
            return DialogTurnResult.Waiting;
        });

        var ask = Assert.Single(outcome.Replies);
        Assert.Equal("Keep or close?", ask.Text);
        Assert.Equal(InputHints.ExpectingInput, ask.InputHint);
        Assert.Equal(["Keep", "Close"], ask.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Begin_WithoutPromptOptions_Throws()
    {
        var harness = new DialogTestHarness(new DialogSet().Add(new TextPrompt("text")), "text");

        await Assert.ThrowsAsync<ArgumentException>(() => harness.SendAsync("go"));
    }

    [Fact]
    public async Task PromptState_SavedStack_KeepsTextChoicesAndAttemptsButNotCards()
    {
        var card = new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray() } };
        var probe = new PromptProbe(new ChoicePrompt("choice"), () => ChoiceOptions(attachments: [card]));
        await probe.StartAsync();
        await probe.Harness.SendAsync("banana");

        var saved = JsonNode.Parse(probe.Harness.SavedState)!["stack"]![1]!["state"]!;

        Assert.Equal("Keep or close?", saved["text"]!.GetValue<string>());
        Assert.Equal(1, saved["attempts"]!.GetValue<int>());
        Assert.Equal("close", saved["choices"]![1]!["value"]!.GetValue<string>());
        Assert.DoesNotContain("AdaptiveCard", probe.Harness.SavedState);
    }
}
