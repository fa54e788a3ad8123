using ClosureBot.Closure;
using ClosureBot.Handoff;
using ClosureBot.Outbox;

namespace ClosureBot.Storage;

/// <summary>Everything one turn writes, committed atomically: the conversation, the user's progress and a closure request.</summary>
public sealed class TurnCommit
{
    public required string ConversationKey { get; init; }

    /// <summary>The ETag read at the start of the turn; null when the conversation is new.</summary>
    public string? ExpectedETag { get; init; }

    public required string NewETag { get; init; }

    /// <summary>The conversation's state as UTF-8 JSON.</summary>
    public required byte[] State { get; init; }

    /// <summary>The object <see cref="State"/> was written from; cached with it (see <see cref="StoredConversation.Parsed"/>).</summary>
    public object? Parsed { get; init; }

    /// <summary>Progress to save for the user, if it changed.</summary>
    public StoredProgress? SaveProgress { get; init; }

    /// <summary>A user whose saved progress is finished with (closed, redirected, abandoned).</summary>
    public string? DeleteProgressFor { get; init; }

    /// <summary>
    /// Keep the conversation in the in-memory cache after the commit. Conversations whose dialog has ended are
    /// dropped from it: most never speak again, and caching them would only grow the process.
    /// </summary>
    public bool KeepCached { get; init; } = true;

    /// <summary>A new closure request.</summary>
    public ClosureRequest? ClosureRequest { get; init; }

    /// <summary>Someone asking to close an account whose request is already open, recorded against that request.</summary>
    public AdditionalRequester? AdditionalRequester { get; init; }

    /// <summary>Changes to the support queues (tickets, their lines), conditional on where the turn read them.</summary>
    public IReadOnlyList<HandoffWrite> Handoff { get; init; } = [];

    /// <summary>Entries for the audit trail.</summary>
    public IReadOnlyList<AuditEvent> Audit { get; init; } = [];
    /// <summary>The turn's replies for the outbox; its row also marks the activity processed (a duplicate fails the commit).</summary>
    public OutboxEntry? Replies { get; init; }
}

/// <summary>Another turn (or another instance) changed the conversation first, or the account already has an open request.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
