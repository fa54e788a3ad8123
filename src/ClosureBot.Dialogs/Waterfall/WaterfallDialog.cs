using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Dialogs.Waterfall;

/// <summary>
/// A fixed sequence of steps sharing one typed state record. Each customer answer (a prompt's result) moves the
/// waterfall to the next step. Steps are named so a conversation can resume or be redrawn at a given step.
/// </summary>
public class WaterfallDialog<TState> : Dialog where TState : class, new()
{
    // The instance's state, kept typed on the instance between turns of a cached conversation; stored as
    // {"values": {...}, "step": n}, as it always was.
    // With the app's source-generated metadata for the state (stateTypes), written by generated code (DialogStateJson).
    private readonly JsonTypeInfo<Position> _positionType;
    private readonly JsonTypeInfo<TState> _valuesType;
    // Field by field where that is what the JSON round trip gives (StateCopy), else through the JSON.
    private readonly Func<TState, TState?>? _fieldCopy;
    private (string Name, WaterfallStep<TState> Run)[] _steps = [];
    private string[] _stepNames = [];
    // The step currently executing for each live instance (the instance objects of one turn).
    private readonly ConditionalWeakTable<DialogInstance, StrongBox<WaterfallStepContext<TState>?>> _running = new();

    /// <summary>Creates a waterfall from named steps, in order.</summary>
    /// <param name="id">The dialog's id.</param>
    /// <param name="steps">The named steps, in order.</param>
    /// <param name="stateTypes">Source-generated JSON metadata for <typeparamref name="TState"/> and its <see cref="Position"/>,
    /// if the app has it (see <see cref="DialogStateJson"/>); otherwise the state is written by reflection.</param>
    public WaterfallDialog(string id, IEnumerable<(string Name, WaterfallStep<TState> Run)> steps, IJsonTypeInfoResolver? stateTypes = null)
        : this(id, stateTypes) => DefineSteps(steps);

    /// <summary>For subclasses whose steps are their own methods: call <see cref="DefineSteps"/> from the constructor.</summary>
    protected WaterfallDialog(string id, IJsonTypeInfoResolver? stateTypes = null) : base(id)
    {
        var options = DialogStateJson.For(stateTypes);
        _positionType = (JsonTypeInfo<Position>)options.GetTypeInfo(typeof(Position));
        _valuesType = (JsonTypeInfo<TState>)options.GetTypeInfo(typeof(TState));
        _fieldCopy = StateCopy.ByFields(_valuesType);
    }

    /// <summary>True when the state is copied field by field rather than through its JSON (see <c>StateCopy</c>).</summary>
    internal bool CopiesStateByFields => _fieldCopy is not null;

    /// <summary>Sets the named steps, in order. Names must be unique.</summary>
    protected void DefineSteps(IEnumerable<(string Name, WaterfallStep<TState> Run)> steps)
    {
        var list = steps.ToArray();
        var duplicate = list.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Step name '{duplicate.Key}' is used twice in '{Id}'.", nameof(steps));
        if (list.Length == 0) throw new ArgumentException($"Waterfall '{Id}' needs at least one step.", nameof(steps));
        _steps = list;
        _stepNames = list.Select(s => s.Name).ToArray();
    }

    /// <summary>The step names, in order.</summary>
    public IReadOnlyList<string> StepNames => _stepNames;

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var (state, index) = options switch
        {
            WaterfallStart<TState> start => (start.State, IndexOf(start.StepName)),
            TState initial => (initial, 0),
            _ => (new TState(), 0),
        };
        WriteState(instance, state);
        return RunStepAsync(dc, index, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Context.Activity.Type == ActivityTypes.Message
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.Waiting);

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentIndex(dc.ActiveDialog!) + 1, DialogReason.NextCalled, result, cancellationToken);

    /// <summary>Ends whatever runs above this waterfall and runs <paramref name="stepName"/>.</summary>
    public Task<DialogTurnResult> GoToStepAsync(DialogContext dc, string stepName, CancellationToken cancellationToken) =>
        GoToStepAsync(dc, stepName, null, cancellationToken);

    /// <summary>Ends whatever runs above this waterfall and runs <paramref name="stepName"/> with <paramref name="result"/> as its input.</summary>
    public async Task<DialogTurnResult> GoToStepAsync(DialogContext dc, string stepName, object? result, CancellationToken cancellationToken)
    {
        await dc.EndChildrenOfAsync(Id, cancellationToken).ConfigureAwait(false);
        return await RunStepAsync(dc, IndexOf(stepName), DialogReason.ReplaceCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A copy of the typed state of <paramref name="instance"/> (changing it changes nothing).</summary>
    public TState ReadState(DialogInstance instance) => Copy(PositionOf(instance).Values);

    /// <summary>
    /// The typed state of <paramref name="instance"/> itself, to read without keeping it; cheaper than <see cref="ReadState"/>.
    /// Never change it: a step's changes are saved through its step context.
    /// </summary>
    public TState PeekState(DialogInstance instance) => PositionOf(instance).Values;

    /// <summary>The name of the step <paramref name="instance"/> stands at.</summary>
    public string CurrentStepName(DialogInstance instance) => _steps[Math.Clamp(CurrentIndex(instance), 0, _steps.Length - 1)].Name;

    /// <summary>Index of a step by name.</summary>
    public int IndexOf(string stepName)
    {
        for (var i = 0; i < _steps.Length; i++)
            if (_steps[i].Name == stepName) return i;
        throw new ArgumentException($"Waterfall '{Id}' has no step '{stepName}'.", nameof(stepName));
    }

    // A snapshot: what the step does with its object after handing over is not kept (see RunStepAsync).
    internal void WriteState(DialogInstance instance, TState state) => PositionOf(instance).Values = Copy(state);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Length) return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        var instance = dc.ActiveDialog!;
        var position = PositionOf(instance);
        position.Step = index;
        // A step of this instance that is still executing hands over without having gone through the step API
        // (e.g. it began a child on step.Dialogs that ended at once and resumed this waterfall): keep what it
        // changed so far, and mark it moved so its copy cannot overwrite what the steps after it save.
        var running = _running.GetOrCreateValue(instance);
        if (running.Value is { Moved: false } handingOver) handingOver.Save();
        // The step works on the stored object itself (it is saved as a copy, so nothing it does after handing over leaks).
        var step = new WaterfallStepContext<TState>(this, dc, instance, position.Values, index, reason, result);
        running.Value = step;
        try
        {
            var outcome = await _steps[index].Run(step, cancellationToken).ConfigureAwait(false);
            // Done without handing over: the stored object is the step's own, already up to date, unless replaced meanwhile.
            if (!step.Moved && dc.Stack.Contains(instance) && !ReferenceEquals(PositionOf(instance).Values, step.State)) step.Save();
            return outcome;
        }
        finally
        {
            // The step holds its turn (the activity, the replies, their cards): an instance kept between turns (a
            // cached conversation) must not keep that turn alive with it.
            if (ReferenceEquals(running.Value, step)) running.Value = null;
        }
    }

    private int CurrentIndex(DialogInstance instance) => PositionOf(instance).Step;

    private Position PositionOf(DialogInstance instance) => instance.GetValue(_positionType);

    private TState Copy(TState state) => _fieldCopy?.Invoke(state) ?? CopyThroughJson(state);

    private TState CopyThroughJson(TState state) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(state, _valuesType), _valuesType) ?? new TState();

    /// <summary>Where an instance stands and what its steps keep.</summary>
    public sealed class Position
    {
        /// <summary>The steps' typed state.</summary>
        public TState Values { get; set; } = new();

        /// <summary>The step the instance stands at.</summary>
        public int Step { get; set; }
    }
}
