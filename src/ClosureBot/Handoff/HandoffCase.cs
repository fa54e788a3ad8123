namespace ClosureBot.Handoff;

/// <summary>Everything the console shows about one handed-off conversation.</summary>
/// <param name="Steps">The five numbered steps with whether each is done, current or to come.</param>
/// <param name="Remaining">What still remains on the account (null when the account is unknown or not to be shown).</param>
/// <param name="ClosureReference">The open closure request's reference, if any.</param>
public sealed record HandoffCase(
    HandoffTicket Ticket,
    IReadOnlyList<HandoffMessage> Transcript,
    IReadOnlyList<HandoffStepProgress> Steps,
    RemainingResources? Remaining,
    string? ClosureReference);
