using System.Text.Json;
using ClosureBot.Dialogs.Tests.Support;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Tests;

public class DialogContextTests
{
    /// <summary>Waits, and waits again when a child ends; "end" ends it with "{id}:end". Logs every end with its reason.</summary>
    private sealed class WaitDialog(string id, List<string> log, string version = "1") : Dialog(id)
    {
        public override string Version => version;

        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
        {
            dc.Context.SendActivity(new Activity { Text = $"begin {Id}{(options is null ? "" : $" with {options}")}" });
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
            dc.Context.Activity.Text == "end"
                ? dc.EndDialogAsync($"{Id}:end", cancellationToken)
                : Task.FromResult(DialogTurnResult.Waiting);

        public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        {
            dc.Context.SendActivity(new Activity { Text = $"resume {Id} with {result}" });
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
        {
            turnContext.SendActivity(new Activity { Text = $"reprompt {Id}" });
            return Task.CompletedTask;
        }

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        {
            log.Add($"end {Id} {reason}");
            return Task.CompletedTask;
        }
    }

    /// <summary>Begins its child; when the child ends, says what it got and ends with it.</summary>
    private sealed class ParentDialog(string id, string childId) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            dc.BeginDialogAsync(childId, null, cancellationToken);

        public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        {
            dc.Context.SendActivity(new Activity { Text = $"{Id} resumed ({reason}) with {result}" });
            return dc.EndDialogAsync($"{Id} got {result}", cancellationToken);
        }
    }

    private static (DialogTestHarness Harness, List<string> Log) Conversation(string root = "parent")
    {
        var log = new List<string>();
        var set = new DialogSet()
            .Add(new ParentDialog("parent", "child"))
            .Add(new WaitDialog("child", log))
            .Add(new WaitDialog("other", log))
            .Add(new WaitDialog("solo", log));
        return (new DialogTestHarness(set, root), log);
    }

    [Fact]
    public async Task ContinueDialogAsync_EmptyStack_ReturnsEmpty()
    {
        var (harness, _) = Conversation();

        var outcome = await harness.SendAsync(harness.Message("hi"), (dc, ct) => dc.ContinueDialogAsync(ct));

        Assert.Equal(DialogTurnStatus.Empty, outcome.Result.Status);
        Assert.Empty(outcome.Replies);
    }

    [Fact]
    public async Task BeginDialogAsync_Known_PushesInstanceStampedWithVersionAndWaits()
    {
        var (harness, _) = Conversation("solo");

        var outcome = await harness.SendAsync("hi");

        Assert.Equal(DialogTurnStatus.Waiting, outcome.Result.Status);
        var instance = Assert.Single(outcome.State.Stack);
        Assert.Equal("solo", instance.Id);
        Assert.Equal("1", instance.Version);
        Assert.Equal(["begin solo"], outcome.Texts);
    }

    [Fact]
    public async Task BeginDialogAsync_UnknownId_ThrowsAndPushesNothing()
    {
        var (harness, _) = Conversation();

        DialogContext? context = null;
        await Assert.ThrowsAsync<ArgumentException>(() => harness.SendAsync(harness.Message("hi"), (dc, ct) => { context = dc; return dc.BeginDialogAsync("nope", null, ct); }));

        Assert.Empty(context!.Stack);
    }

    [Fact]
    public async Task BeginDialogAsync_Options_PassedToDialog()
    {
        var (harness, _) = Conversation();

        var outcome = await harness.SendAsync(harness.Message("hi"), (dc, ct) => dc.BeginDialogAsync("solo", "42", ct));

        Assert.Equal(["begin solo with 42"], outcome.Texts);
    }

    [Fact]
    public async Task ContinueDialogAsync_ChildEnds_ParentResumedInSameTurn()
    {
        var (harness, log) = Conversation();
        var first = await harness.SendAsync("hi");
        Assert.Equal(["parent", "child"], first.State.Stack.Select(i => i.Id));

        var outcome = await harness.SendAsync("end");

        Assert.Equal(["parent resumed (EndCalled) with child:end"], outcome.Texts);
        Assert.Equal(DialogTurnStatus.Complete, outcome.Result.Status);
        Assert.Equal("parent got child:end", outcome.Result.Result);
        Assert.Empty(outcome.State.Stack);
        Assert.Equal(["end child EndCalled"], log);
    }

    [Fact]
    public async Task ContinueDialogAsync_ChildStillWaiting_ParentNotResumed()
    {
        var (harness, _) = Conversation();
        await harness.SendAsync("hi");

        var outcome = await harness.SendAsync("something else");

        Assert.Equal(DialogTurnStatus.Waiting, outcome.Result.Status);
        Assert.Empty(outcome.Replies);
        Assert.Equal(["parent", "child"], outcome.State.Stack.Select(i => i.Id));
    }

    [Fact]
    public async Task EndDialogAsync_RootDialog_CompletesWithResult()
    {
        var (harness, log) = Conversation("solo");
        await harness.SendAsync("hi");

        var outcome = await harness.SendAsync("end");

        Assert.Equal(DialogTurnStatus.Complete, outcome.Result.Status);
        Assert.Equal("solo:end", outcome.Result.Result);
        Assert.Empty(outcome.State.Stack);
        Assert.Equal(["end solo EndCalled"], log);
    }

    [Fact]
    public async Task ReplaceDialogAsync_ActiveChild_EndsItAndBeginsNewOneWithoutResumingParent()
    {
        var (harness, log) = Conversation();
        await harness.SendAsync("hi");

        var outcome = await harness.SendAsync(harness.Message("swap"), (dc, ct) => dc.ReplaceDialogAsync("other", "x", ct));

        Assert.Equal(["begin other with x"], outcome.Texts);
        Assert.Equal(["parent", "other"], outcome.State.Stack.Select(i => i.Id));
        Assert.Equal(["end child ReplaceCalled"], log);
        Assert.Equal(DialogTurnStatus.Waiting, outcome.Result.Status);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_Stack_EndsEveryDialogTopFirst()
    {
        var log = new List<string>();
        var set = new DialogSet().Add(new WaitDialog("a", log)).Add(new WaitDialog("b", log)).Add(new WaitDialog("c", log));
        var harness = new DialogTestHarness(set, "a");
        await harness.SendAsync(harness.Message("hi"), async (dc, ct) =>
        {
            await dc.BeginDialogAsync("a", null, ct);
            await dc.BeginDialogAsync("b", null, ct);
            return await dc.BeginDialogAsync("c", null, ct);
        });

        var outcome = await harness.SendAsync(harness.Message("cancel"), (dc, ct) => dc.CancelAllDialogsAsync(ct));

        Assert.Equal(DialogTurnStatus.Cancelled, outcome.Result.Status);
        Assert.Empty(outcome.State.Stack);
        Assert.Equal(["end c CancelCalled", "end b CancelCalled", "end a CancelCalled"], log);
    }

    [Fact]
    public async Task RootResult_ChildEndsThenRoot_IsWhatTheRootEndedWith()
    {
        var (harness, _) = Conversation();
        await harness.SendAsync("hi");

        DialogContext? context = null;
        await harness.SendAsync(harness.Message("end"), (dc, ct) => { context = dc; return dc.ContinueDialogAsync(ct); });

        Assert.Equal("parent got child:end", context!.RootResult);
    }

    [Fact]
    public async Task RootResult_OnlyAChildEnded_IsNull()
    {
        var (harness, _) = Conversation("solo");
        await harness.SendAsync("hi");
        await harness.SendAsync(harness.Message("more"), (dc, ct) => dc.BeginDialogAsync("other", null, ct));

        DialogContext? context = null;
        var ended = await harness.SendAsync(harness.Message("end"), (dc, ct) => { context = dc; return dc.ContinueDialogAsync(ct); });

        Assert.Equal(["resume solo with other:end"], ended.Texts);
        Assert.Equal(["solo"], ended.State.Stack.Select(i => i.Id));
        Assert.Null(context!.RootResult);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_WithResult_EndsEveryDialogAndIsTheRootResult()
    {
        var (harness, log) = Conversation();
        await harness.SendAsync("hi");

        DialogContext? context = null;
        var outcome = await harness.SendAsync(harness.Message("stop"), (dc, ct) => { context = dc; return dc.CancelAllDialogsAsync("stopped", ct); });

        Assert.Equal(DialogTurnStatus.Cancelled, outcome.Result.Status);
        Assert.Equal("stopped", outcome.Result.Result);
        Assert.Equal("stopped", context!.RootResult);
        Assert.Empty(outcome.State.Stack);
        Assert.Equal(["end child CancelCalled"], log);
    }

    [Fact]
    public async Task RootResult_CancelledWithoutResultAfterAnEnd_KeepsTheEnd()
    {
        var (harness, _) = Conversation("solo");
        await harness.SendAsync("hi");

        DialogContext? context = null;
        await harness.SendAsync(harness.Message("end"), async (dc, ct) =>
        {
            context = dc;
            await dc.ContinueDialogAsync(ct);
            await dc.BeginDialogAsync("solo", null, ct);
            return await dc.CancelAllDialogsAsync(ct);
        });

        Assert.Equal("solo:end", context!.RootResult);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_EmptyStack_ReturnsEmpty()
    {
        var (harness, _) = Conversation();

        var outcome = await harness.SendAsync(harness.Message("cancel"), (dc, ct) => dc.CancelAllDialogsAsync(ct));

        Assert.Equal(DialogTurnStatus.Empty, outcome.Result.Status);
    }

    [Fact]
    public async Task EndChildrenOfAsync_DialogNotOnStack_Throws()
    {
        var (harness, _) = Conversation();
        await harness.SendAsync("hi");

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.SendAsync(harness.Message("x"), async (dc, ct) =>
        {
            await dc.EndChildrenOfAsync("other", ct);
            return DialogTurnResult.Waiting;
        }));
    }

    [Fact]
    public async Task RepromptDialogAsync_ActiveDialog_AsksAgain()
    {
        var (harness, _) = Conversation();
        await harness.SendAsync("hi");

        var outcome = await harness.SendAsync(harness.Message("?"), async (dc, ct) =>
        {
            await dc.RepromptDialogAsync(ct);
            return DialogTurnResult.Waiting;
        });

        Assert.Equal(["reprompt child"], outcome.Texts);
    }

    [Fact]
    public async Task ContinueDialogAsync_SavedUnderOtherVersion_ReturnsOutdatedAndClearsStack()
    {
        var log = new List<string>();
        var before = new DialogTestHarness(new DialogSet().Add(new ParentDialog("parent", "child")).Add(new WaitDialog("child", log, version: "1")), "parent");
        await before.SendAsync("hi");
        // A deploy bumps the child's version; the saved stack still names version 1.
        var after = new DialogTestHarness(new DialogSet().Add(new ParentDialog("parent", "child")).Add(new WaitDialog("child", log, version: "2")), "parent")
        {
            SavedState = before.SavedState,
        };

        var outcome = await after.SendAsync(after.Message("end"), (dc, ct) => dc.ContinueDialogAsync(ct));

        Assert.Equal(DialogTurnStatus.Outdated, outcome.Result.Status);
        Assert.Empty(outcome.State.Stack);
        Assert.Empty(outcome.Replies);
        Assert.Empty(log);
    }

    [Fact]
    public async Task ContinueDialogAsync_UnknownDialogOnStack_ReturnsOutdatedAndClearsStack()
    {
        var log = new List<string>();
        var before = new DialogTestHarness(new DialogSet().Add(new ParentDialog("parent", "child")).Add(new WaitDialog("child", log)), "parent");
        await before.SendAsync("hi");
        // The parent dialog was removed from the app; the child still exists.
        var after = new DialogTestHarness(new DialogSet().Add(new WaitDialog("child", log)), "child") { SavedState = before.SavedState };

        var outcome = await after.SendAsync(after.Message("end"), (dc, ct) => dc.ContinueDialogAsync(ct));

        Assert.Equal(DialogTurnStatus.Outdated, outcome.Result.Status);
        Assert.Empty(outcome.State.Stack);
        Assert.Empty(outcome.Replies);
    }

    [Fact]
    public async Task DialogState_JsonRoundTrip_KeepsIdsVersionsAndState()
    {
        var (harness, _) = Conversation();
        await harness.SendAsync("hi");
        var state = harness.LoadState();
        state.Stack[0].State["note"] = "kept";

        var json = JsonSerializer.Serialize(state, ProtocolJson.Options);
        var loaded = JsonSerializer.Deserialize<DialogState>(json, ProtocolJson.Options)!;

        Assert.Equal(["parent", "child"], loaded.Stack.Select(i => i.Id));
        Assert.All(loaded.Stack, i => Assert.Equal("1", i.Version));
        Assert.Equal("kept", loaded.Stack[0].State["note"]!.GetValue<string>());
        Assert.Equal(json, JsonSerializer.Serialize(loaded, ProtocolJson.Options));
    }
}
