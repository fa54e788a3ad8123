using System.Text.Json.Nodes;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Dialogs.Waterfall;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Tests.Waterfall;

public class WaterfallDialogTests
{
    public sealed class ClosureState
    {
        public string? Reason { get; set; }
        public int Visits { get; set; }
        public List<string> Log { get; set; } = [];
    }

    private static PromptOptions Ask(string text) => new() { Prompt = new Activity { Type = ActivityTypes.Message, Text = text } };

    private static Task<DialogTurnResult> Say(WaterfallStepContext<ClosureState> step, string text)
    {
        step.Context.SendActivity(new Activity { Text = text });
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    /// <summary>reason (text prompt) → confirm (confirm prompt) → done.</summary>
    private static WaterfallDialog<ClosureState> ClosureDialog() => new("closure",
    [
        ("reason", (step, ct) =>
        {
            step.State.Visits++;
            step.State.Log.Add("reason");
            return step.PromptAsync("text", Ask("Why are you leaving?"), ct);
        }),
        ("confirm", (step, ct) =>
        {
            step.State.Reason = step.Result as string ?? step.State.Reason;
            step.State.Log.Add("confirm");
            return step.PromptAsync("confirm", Ask($"Close your account because of '{step.State.Reason}'?"), ct);
        }),
        ("done", (step, ct) =>
        {
            step.Context.SendActivity(new Activity { Text = $"Closed because of '{step.State.Reason}' (confirmed: {step.Result})" });
            return step.EndDialogAsync(step.State.Reason, ct);
        }),
    ]);

    private static (DialogTestHarness Harness, WaterfallDialog<ClosureState> Dialog) Closure(Func<object?>? options = null)
    {
        var dialog = ClosureDialog();
        var set = new DialogSet().Add(dialog).Add(new TextPrompt("text")).Add(new ConfirmPrompt("confirm"));
        return (new DialogTestHarness(set, "closure", options), dialog);
    }

    private static DialogTestHarness Single(params (string Name, WaterfallStep<ClosureState> Run)[] steps) =>
        new(new DialogSet().Add(new WaterfallDialog<ClosureState>("w", steps)).Add(new TextPrompt("text")), "w");

    [Fact]
    public async Task Waterfall_AnswersOverSeveralTurns_TypedStatePersistsAndFlowCompletes()
    {
        var (harness, dialog) = Closure();

        Assert.Equal(["Why are you leaving?"], (await harness.SendAsync("close my account")).Texts);
        var second = await harness.SendAsync("moving abroad");
        Assert.Equal(["Close your account because of 'moving abroad'?"], second.Texts);
        Assert.Equal("moving abroad", dialog.ReadState(second.State.Stack[0]).Reason);
        Assert.Equal("confirm", dialog.CurrentStepName(second.State.Stack[0]));
        var last = await harness.SendAsync("yes");

        Assert.Equal(["Closed because of 'moving abroad' (confirmed: True)"], last.Texts);
        Assert.Equal(DialogTurnStatus.Complete, last.Result.Status);
        Assert.Equal("moving abroad", last.Result.Result);
        Assert.Empty(last.State.Stack);
    }

    [Fact]
    public async Task Waterfall_StateKeptInMemoryBetweenTurns_DoesNotKeepTheTurnAlive()
    {
        var (_, dialog) = Closure();
        var set = new DialogSet().Add(dialog).Add(new TextPrompt("text")).Add(new ConfirmPrompt("confirm"));
        var state = new DialogState();

        var turn = await BeginInMemoryAsync(set, state);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // A cached conversation keeps its dialog stack between turns; the last turn (activity, replies, cards) must go.
        Assert.Equal("reason", dialog.CurrentStepName(state.Stack[0]));
        Assert.False(turn.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> BeginInMemoryAsync(DialogSet set, DialogState state)
    {
        var context = new ClosureBot.Protocol.Turns.TurnContext(new Activity
        {
            Type = ActivityTypes.Message, Text = "close my account", ChannelId = Channels.WebChat,
            Conversation = new ConversationAccount { Id = "c" }, From = new ChannelAccount { Id = "u" },
        });
        await set.CreateContext(context, state).BeginDialogAsync("closure", null, CancellationToken.None);
        return new WeakReference(context);
    }

    [Fact]
    public async Task Waterfall_ProcessRestartsBetweenTurns_ContinuesFromSavedJson()
    {
        var (before, _) = Closure();
        await before.SendAsync("close my account");
        await before.SendAsync("moving abroad");
        var saved = JsonNode.Parse(before.SavedState)!;
        Assert.Equal(1, saved["stack"]![0]!["state"]!["step"]!.GetValue<int>());
        Assert.Equal("moving abroad", saved["stack"]![0]!["state"]!["values"]!["reason"]!.GetValue<string>());

        // New dialog objects, as after a restart: only the JSON carries the conversation.
        var (after, _) = Closure();
        after.SavedState = before.SavedState;
        var last = await after.SendAsync("yes");

        Assert.Equal(["Closed because of 'moving abroad' (confirmed: True)"], last.Texts);
    }

    [Fact]
    public async Task NextAsync_FromStep_RunsNextStepInSameTurnWithResult()
    {
        var harness = Single(
            ("a", (step, ct) => { step.State.Log.Add("a"); return step.NextAsync("from a", ct); }),
            ("b", (step, ct) => { step.State.Log.Add($"b got {step.Result} ({step.Reason})"); return step.NextAsync(null, ct); }),
            ("c", (step, ct) => Say(step, string.Join(" | ", step.State.Log))));

        var outcome = await harness.SendAsync("go");

        Assert.Equal(["a | b got from a (NextCalled)"], outcome.Texts);
        Assert.Equal(DialogTurnStatus.Waiting, outcome.Result.Status);
    }

    [Fact]
    public async Task NextAsync_PastLastStep_EndsWaterfallWithResult()
    {
        var harness = Single(("only", (step, ct) => step.NextAsync("finished", ct)));

        var outcome = await harness.SendAsync("go");

        Assert.Equal(DialogTurnStatus.Complete, outcome.Result.Status);
        Assert.Equal("finished", outcome.Result.Result);
        Assert.Empty(outcome.State.Stack);
    }

    [Fact]
    public async Task WaterfallOnTop_MessageArrives_TextBecomesNextStepResult()
    {
        var harness = Single(
            ("wait", (step, _) => Say(step, "say something")),
            ("echo", (step, ct) => { step.Context.SendActivity(new Activity { Text = $"you said {step.Result}" }); return step.EndDialogAsync(null, ct); }));
        await harness.SendAsync("go");

        var ignored = await harness.SendAsync(harness.Other(ActivityTypes.Typing));
        var outcome = await harness.SendAsync("hello");

        Assert.Equal(DialogTurnStatus.Waiting, ignored.Result.Status);
        Assert.Empty(ignored.Replies);
        Assert.Equal(["you said hello"], outcome.Texts);
    }

    [Fact]
    public async Task StepGoToStepAsync_Backwards_RunsNamedStepWithStateKept()
    {
        var harness = Single(
            ("ask", (step, ct) => { step.State.Visits++; return step.PromptAsync("text", Ask($"Reason? (visit {step.State.Visits})"), ct); }),
            ("check", (step, ct) => (string?)step.Result == "again" ? step.GoToStepAsync("ask", null, ct) : step.EndDialogAsync(step.State.Visits, ct)));
        await harness.SendAsync("go");

        var again = await harness.SendAsync("again");
        var done = await harness.SendAsync("ok");

        Assert.Equal(["Reason? (visit 2)"], again.Texts);
        Assert.Equal(2, done.Result.Result);
    }

    [Fact]
    public async Task StepGoToStepAsync_UnknownStep_Throws()
    {
        var harness = Single(("a", (step, ct) => step.GoToStepAsync("nope", null, ct)));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.SendAsync("go"));

        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public async Task DialogGoToStepAsync_WhilePromptActive_EndsPromptAndRunsNamedStep()
    {
        var (harness, dialog) = Closure();
        await harness.SendAsync("close my account");
        await harness.SendAsync("moving abroad");

        var outcome = await harness.SendAsync(harness.Message("start over"), (dc, ct) => dialog.GoToStepAsync(dc, "reason", ct));

        Assert.Equal(["Why are you leaving?"], outcome.Texts);
        Assert.Equal(["closure", "text"], outcome.State.Stack.Select(i => i.Id));
        var state = dialog.ReadState(outcome.State.Stack[0]);
        Assert.Equal(2, state.Visits);
        Assert.Equal("moving abroad", state.Reason);
        // The restarted step's prompt is answered normally and the flow goes on from there.
        Assert.Equal(["Close your account because of 'cost'?"], (await harness.SendAsync("cost")).Texts);
    }

    [Fact]
    public async Task Begin_WaterfallStart_BeginsAtNamedStepWithGivenState()
    {
        var (harness, dialog) = Closure(() => new WaterfallStart<ClosureState>(new ClosureState { Reason = "saved reason", Visits = 5 }, "confirm"));

        var outcome = await harness.SendAsync("resume");

        Assert.Equal(["Close your account because of 'saved reason'?"], outcome.Texts);
        Assert.Equal("confirm", dialog.CurrentStepName(outcome.State.Stack[0]));
        Assert.Equal(5, dialog.ReadState(outcome.State.Stack[0]).Visits);
    }

    [Fact]
    public async Task Begin_WaterfallStartUnknownStep_Throws()
    {
        var (harness, _) = Closure(() => new WaterfallStart<ClosureState>(new ClosureState(), "nope"));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.SendAsync("resume"));
    }

    [Fact]
    public async Task Begin_InitialStateObject_UsedAsState()
    {
        var (harness, dialog) = Closure(() => new ClosureState { Visits = 10 });

        var outcome = await harness.SendAsync("go");

        Assert.Equal(11, dialog.ReadState(outcome.State.Stack[0]).Visits);
    }

    [Fact]
    public async Task Step_ChangesStateAndWaits_ChangesSaved()
    {
        var dialog = new WaterfallDialog<ClosureState>("w", [("a", (step, _) => { step.State.Reason = "set by a"; return Task.FromResult(DialogTurnResult.Waiting); })]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog), "w");

        var outcome = await harness.SendAsync("go");

        Assert.Equal("set by a", dialog.ReadState(outcome.State.Stack[0]).Reason);
    }

    [Fact]
    public async Task Step_LaterStepWritesStateAfterNextAsync_EarlierStepsCopyDoesNotOverwriteIt()
    {
        var dialog = new WaterfallDialog<ClosureState>("w",
        [
            ("a", async (step, ct) =>
            {
                step.State.Visits = 1;
                var result = await step.NextAsync(null, ct);
                step.State.Visits = 100; // a stale copy: written after control moved on
                return result;
            }),
            ("b", (step, ct) => { step.State.Visits = 2; step.State.Log.Add("b"); return step.PromptAsync("text", Ask("?"), ct); }),
        ]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog).Add(new TextPrompt("text")), "w");

        var outcome = await harness.SendAsync("go");

        var state = dialog.ReadState(outcome.State.Stack[0]);
        Assert.Equal(2, state.Visits);
        Assert.Equal(["b"], state.Log);
    }

    [Fact]
    public async Task Step_ChangesStateAfterItsPromptBegan_ChangeNotKept()
    {
        var dialog = new WaterfallDialog<ClosureState>("w",
        [
            ("a", async (step, ct) =>
            {
                step.State.Visits = 1;
                var result = await step.PromptAsync("text", Ask("?"), ct);
                step.State.Visits = 100; // control went to the prompt: this copy is no longer the state
                step.State.Log.Add("late");
                return result;
            }),
            ("b", (step, ct) => step.EndDialogAsync(step.State.Visits, ct)),
        ]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog).Add(new TextPrompt("text")), "w");

        var outcome = await harness.SendAsync("go");

        var state = dialog.ReadState(outcome.State.Stack[0]);
        Assert.Equal(1, state.Visits);
        Assert.Empty(state.Log);
    }

    [Fact]
    public async Task ReadState_GivesACopy_ChangingItChangesNothing()
    {
        var dialog = new WaterfallDialog<ClosureState>("w", [("a", (step, _) => { step.State.Reason = "kept"; return Task.FromResult(DialogTurnResult.Waiting); })]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog), "w");
        var instance = (await harness.SendAsync("go")).State.Stack[0];

        var copy = dialog.ReadState(instance);
        copy.Reason = "changed";
        copy.Log.Add("changed");

        Assert.Equal("kept", dialog.ReadState(instance).Reason);
        Assert.Same(dialog.PeekState(instance), dialog.PeekState(instance));
        Assert.Empty(dialog.PeekState(instance).Log);
    }

    [Fact]
    public async Task Step_ChildDialogEndsImmediately_ParentsNextStepStateNotOverwritten()
    {
        var child = new WaterfallDialog<ClosureState>("child", [("only", (step, ct) => step.EndDialogAsync("child result", ct))]);
        var dialog = new WaterfallDialog<ClosureState>("w",
        [
            ("a", (step, ct) => { step.State.Log.Add("a"); return step.BeginDialogAsync("child", null, ct); }),
            ("b", (step, ct) => { step.State.Log.Add($"b got {step.Result}"); return Task.FromResult(DialogTurnResult.Waiting); }),
        ]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog).Add(child), "w");

        var outcome = await harness.SendAsync("go");

        Assert.Equal(["w"], outcome.State.Stack.Select(i => i.Id));
        Assert.Equal("b", dialog.CurrentStepName(outcome.State.Stack[0]));
        Assert.Equal(["a", "b got child result"], dialog.ReadState(outcome.State.Stack[0]).Log);
    }

    [Fact]
    public async Task Step_BeginsChildThroughDialogContextAndChildEndsImmediately_NextStepsStateNotOverwritten()
    {
        // The step uses its DialogContext directly (step.Dialogs) rather than step.BeginDialogAsync.
        var child = new WaterfallDialog<ClosureState>("child", [("only", (step, ct) => step.EndDialogAsync("child result", ct))]);
        var dialog = new WaterfallDialog<ClosureState>("w",
        [
            ("a", (step, ct) => { step.State.Log.Add("a"); return step.Dialogs.BeginDialogAsync("child", null, ct); }),
            ("b", (step, ct) => { step.State.Log.Add($"b got {step.Result}"); return Task.FromResult(DialogTurnResult.Waiting); }),
        ]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog).Add(child), "w");

        var outcome = await harness.SendAsync("go");

        Assert.Equal("b", dialog.CurrentStepName(outcome.State.Stack[0]));
        Assert.Equal(["a", "b got child result"], dialog.ReadState(outcome.State.Stack[0]).Log);
    }

    [Fact]
    public async Task Step_ChildWaits_StepsStateChangesSaved()
    {
        var dialog = new WaterfallDialog<ClosureState>("w",
        [
            ("a", (step, ct) => { step.State.Reason = "before prompt"; return step.Dialogs.PromptAsync("text", Ask("?"), ct); }),
            ("b", (step, ct) => step.EndDialogAsync(step.State.Reason, ct)),
        ]);
        var harness = new DialogTestHarness(new DialogSet().Add(dialog).Add(new TextPrompt("text")), "w");

        await harness.SendAsync("go");
        var outcome = await harness.SendAsync("answer");

        Assert.Equal("before prompt", outcome.Result.Result);
    }

    [Fact]
    public void IndexOf_UnknownStep_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClosureDialog().IndexOf("nope"));
        Assert.Equal(2, ClosureDialog().IndexOf("done"));
        Assert.Equal(["reason", "confirm", "done"], ClosureDialog().StepNames);
    }

    [Fact]
    public void Constructor_DuplicateOrNoSteps_Throws()
    {
        WaterfallStep<ClosureState> noop = (_, _) => Task.FromResult(DialogTurnResult.Waiting);

        Assert.Throws<ArgumentException>(() => new WaterfallDialog<ClosureState>("w", [("a", noop), ("a", noop)]));
        Assert.Throws<ArgumentException>(() => new WaterfallDialog<ClosureState>("w", []));
    }
}
