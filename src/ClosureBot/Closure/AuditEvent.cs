namespace ClosureBot.Closure;

/// <summary>One entry of the durable audit trail: what happened to an account's closure, who did it, when.</summary>
public sealed record AuditEvent(string Kind, string? AccountAlias, Requester Actor, string ConversationId, DateTimeOffset At, string? Detail = null);

/// <summary>The kinds of <see cref="AuditEvent"/>.</summary>
public static class AuditEventKinds
{
    public const string ClosureRequested = "closure-requested";
    public const string ClosureRequestJoined = "closure-request-joined";
    public const string RedirectedToSales = "redirected-to-sales";
    public const string HandoffRequested = "handoff-requested";
    public const string HandoffAccepted = "handoff-accepted";
    public const string HandoffHandedBack = "handoff-handed-back";
    public const string HandoffLeft = "handoff-left";
    public const string HandoffFailed = "handoff-failed";
    public const string HandoffCompleted = "handoff-completed";
}
