namespace ClosureBot.Handoff;

/// <summary>An agent's decision to give a conversation back: where the bot resumes, and what the agent verified.</summary>
/// <param name="ResumeAt">A <see cref="HandBackPoint.Screen"/>.</param>
/// <param name="Facts">Facts the flow then respects (a retrieved-data step is not asked again, and so on).</param>
/// <param name="Note">Free text for the audit trail, for example "data retrieved via Service Task #123".</param>
public sealed record HandBack(string ResumeAt, IReadOnlyList<VerifiedFact> Facts, string? Note);
