using System.Text.Json.Nodes;

namespace ClosureBot.Handoff;

/// <summary>
/// What an agent does, as the value of the desk's in-process <see cref="HandoffEvents.Agent"/> event. It names no agent:
/// who acts comes from the turn's <see cref="HandoffDeskIdentity"/> alone.
/// </summary>
public sealed record AgentCommand(string Op, string TicketId, string? Text = null, string? MessageId = null, string? ResumeAt = null,
    IReadOnlyList<VerifiedFact>? Facts = null, string? Note = null)
{
    public const string Accept = "accept";
    public const string Send = "send";
    public const string HandBack = "hand-back";

    public JsonObject ToJson() => new()
    {
        ["op"] = Op,
        ["ticketId"] = TicketId,
        ["text"] = Text,
        ["messageId"] = MessageId,
        ["resumeAt"] = ResumeAt,
        ["facts"] = new JsonArray((Facts ?? []).Select(f => (JsonNode)JsonValue.Create(f.ToString())!).ToArray()),
        ["note"] = Note,
    };

    /// <summary>The command in <paramref name="value"/>; null when it is not one.</summary>
    public static AgentCommand? Read(JsonNode? value)
    {
        if (value is not JsonObject o || Field(o, "op") is not { } op || Field(o, "ticketId") is not { } ticket) return null;
        var facts = new List<VerifiedFact>();
        foreach (var node in o["facts"] as JsonArray ?? [])
        {
            if (node is not JsonValue v || !v.TryGetValue<string>(out var name) || !Enum.TryParse<VerifiedFact>(name, out var fact) || !Enum.IsDefined(fact))
                return null;
            facts.Add(fact);
        }
        return new AgentCommand(op, ticket, Field(o, "text"), Field(o, "messageId"), Field(o, "resumeAt"), facts, Field(o, "note"));
    }

    private static string? Field(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
