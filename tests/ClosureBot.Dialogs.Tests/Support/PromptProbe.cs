using ClosureBot.Dialogs.Prompts;
using ClosureBot.Dialogs.Waterfall;

namespace ClosureBot.Dialogs.Tests.Support;

/// <summary>
/// A root waterfall that asks one prompt and records what the prompt ended with, so prompt tests see the value
/// exactly as a waterfall step would.
/// </summary>
public sealed class PromptProbe
{
    public const string RootId = "probe";

    public PromptProbe(Dialog prompt, Func<PromptOptions> options)
    {
        var root = new WaterfallDialog<ProbeState>(RootId,
        [
            ("ask", (step, ct) => step.PromptAsync(prompt.Id, options(), ct)),
            ("record", (step, ct) =>
            {
                Results.Add(step.Result);
                return step.EndDialogAsync(step.Result, ct);
            }),
        ]);
        Harness = new DialogTestHarness(new DialogSet().Add(root).Add(prompt), RootId);
    }

    /// <summary>Results the prompt ended with, in order.</summary>
    public List<object?> Results { get; } = [];

    /// <summary>The conversation.</summary>
    public DialogTestHarness Harness { get; }

    /// <summary>Starts the conversation: the prompt asks its question.</summary>
    public Task<TurnOutcome> StartAsync() => Harness.SendAsync("start");

    public sealed class ProbeState;
}
