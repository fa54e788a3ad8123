namespace ClosureBot.Protocol.Activities;

/// <summary>Which of the <see cref="ActivityLimits"/> an activity breaks.</summary>
/// <param name="Code">
/// <c>TextTooLong</c> for an over-long text, <c>NullItem</c> for a null entry in a list, otherwise <c>LimitExceeded</c>.
/// </param>
/// <param name="Message">What is wrong, naming the field and the limit (never echoing the value).</param>
public sealed record ActivityLimitViolation(string Code, string Message);
