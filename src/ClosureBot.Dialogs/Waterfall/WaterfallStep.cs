namespace ClosureBot.Dialogs.Waterfall;

/// <summary>One step of a <see cref="WaterfallDialog{TState}"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class, new();

/// <summary>Begin options that start a waterfall at a named step with given state (to resume saved progress).</summary>
public sealed record WaterfallStart<TState>(TState State, string StepName) where TState : class, new();
