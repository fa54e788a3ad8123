namespace ClosureBot.Handoff;

/// <summary>One numbered step of the flow as the console shows it: <c>done</c>, <c>current</c> or <c>todo</c>.</summary>
public sealed record HandoffStepProgress(string Screen, string Title, string State);
