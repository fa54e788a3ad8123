using System.Text.Json.Nodes;
using ClosureBot.Closure;
using ClosureBot.Protocol.Activities;
using Microsoft.Extensions.Options;
using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>
/// The desk's agent actions, each run as a turn of the customer's conversation so its writes land in the turn's commit
/// and its words go through the reply outbox: take a waiting ticket, write to the customer, hand back. The answer goes
/// back to the desk as the turn's invoke response (200, or 409 with the reason).
/// </summary>
public sealed class AgentActions(IHandoffStore store, QueueSchedules queues, IOptions<SupportOptions> options, TimeProvider time,
    ILogger<AgentActions> logger)
{
    public async Task RunAsync(IGuidedConversation conversation, SupportAgent agent, CancellationToken ct)
    {
        var context = conversation.Context;
        if (AgentCommand.Read(context.Activity.Value) is not { } command)
        {
            context.InvokeResponse = new InvokeResponse(400, Reason("BadCommand"));
            return;
        }
        var ticket = command.TicketId == conversation.TicketId ? (await store.FindAsync(command.TicketId, ct))?.Ticket : null;
        if (ticket is null or { Status: HandoffStatus.Ended })
        {
            context.InvokeResponse = new InvokeResponse(409, Reason(nameof(AcceptOutcome.NotWaiting)));
            return;
        }
        if (command.Op == AgentCommand.Accept)
        {
            Accept(conversation, ticket, agent);
            return;
        }
        if (ticket.Status != HandoffStatus.Held || ticket.AgentUserName != agent.UserName)
        {
            context.InvokeResponse = new InvokeResponse(409, Reason("NotHolder"));
            return;
        }
        switch (command.Op)
        {
            case AgentCommand.Send when command is { Text: { Length: > 0 } text, MessageId: { Length: > 0 } id } && text.Length <= options.Value.MaxMessageLength:
                Send(conversation, ticket, agent, id, text);
                break;
            case AgentCommand.HandBack when command.ResumeAt is { } resumeAt:
                await HandBackAsync(conversation, ticket, agent, resumeAt, command.Facts ?? [], command.Note, ct);
                break;
            default:
                context.InvokeResponse = new InvokeResponse(400, Reason("BadCommand"));
                break;
        }
    }

    private void Accept(IGuidedConversation conversation, HandoffTicket ticket, SupportAgent agent)
    {
        var context = conversation.Context;
        if (ticket.Status != HandoffStatus.Waiting)
        {
            context.InvokeResponse = new InvokeResponse(409, Reason(nameof(AcceptOutcome.AlreadyTaken)));
            return;
        }
        var turn = HandoffTurn.Of(context);
        turn.Writes.Add(new HandoffWrite.Moved(ticket.Id, HandoffStatus.Waiting, HandoffStatus.Held, agent, null, null));
        turn.Audit.Add(Audit(AuditEventKinds.HandoffAccepted, ticket, agent, conversation, ticket.Queue));
        turn.ChangedTickets.Add(ticket.Id);
        Say(conversation, ticket.Id, HandoffTexts.Joined(CustomerLocale.TextsOf(context), agent.DisplayName, queues[ticket.Queue]));
        logger.LogInformation("Agent {AgentUserName} took {TicketId}", agent.UserName, ticket.Id);
        context.InvokeResponse = new InvokeResponse(200, Reason(nameof(AcceptOutcome.Accepted)));
    }

    private void Send(IGuidedConversation conversation, HandoffTicket ticket, SupportAgent agent, string messageId, string text)
    {
        var context = conversation.Context;
        var bot = context.Activity.Recipient;
        context.SendActivity(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            // As typed, as the console shows it: Markdown would let the customer see links and remote images the agent never saw.
            TextFormat = TextFormatTypes.Plain,
            From = new ChannelAccount { Id = bot?.Id, Name = $"{agent.DisplayName} ({queues[ticket.Queue].DisplayName})", Role = RoleTypes.Bot },
        });
        var turn = HandoffTurn.Of(context);
        turn.Writes.Add(new HandoffWrite.MessageAdded(new HandoffMessage(messageId, ticket.Id, "agent", agent.DisplayName, text, time.GetUtcNow())));
        context.InvokeResponse = new InvokeResponse(200, Reason("Sent"));
    }

    private async Task HandBackAsync(IGuidedConversation conversation, HandoffTicket ticket, SupportAgent agent, string resumeAt,
        IReadOnlyList<VerifiedFact> facts, string? note, CancellationToken ct)
    {
        var context = conversation.Context;
        var decision = new JsonObject
        {
            ["resumeAt"] = resumeAt,
            ["facts"] = new JsonArray(facts.Select(f => (JsonNode)JsonValue.Create(f.ToString())!).ToArray()),
            ["note"] = note,
        };
        var turn = HandoffTurn.Of(context);
        turn.Writes.Add(new HandoffWrite.Moved(ticket.Id, HandoffStatus.Held, HandoffStatus.Ended, agent, "handed-back", decision.ToJsonString()));
        turn.Audit.Add(Audit(AuditEventKinds.HandoffHandedBack, ticket, agent, conversation,
            $"resume at {resumeAt}; facts: {(facts.Count == 0 ? "none" : string.Join(", ", facts))}{(note is null ? "" : "; note: " + note)}"));
        turn.ChangedTickets.Add(ticket.Id);
        Say(conversation, ticket.Id, CustomerLocale.TextsOf(context).Format(TextId.HandedBack, agent.DisplayName));
        conversation.TicketId = null;
        logger.LogInformation("Agent {AgentUserName} handed {TicketId} back at {Step}", agent.UserName, ticket.Id, resumeAt);
        if (resumeAt == HandBackPoint.End) await conversation.EndAsync(ct);
        else await conversation.ResumeAtAsync(resumeAt, facts, ct);
        context.InvokeResponse = new InvokeResponse(200, Reason("HandedBack"));
    }

    private void Say(IGuidedConversation conversation, string ticketId, string text)
    {
        conversation.Context.SendActivity(new Activity { Type = ActivityTypes.Message, Text = text });
        HandoffTurn.Of(conversation.Context).Writes.Add(new HandoffWrite.MessageAdded(
            new HandoffMessage(HandoffConversations.NewId("hm_"), ticketId, "bot", null, text, time.GetUtcNow())));
    }

    private AuditEvent Audit(string kind, HandoffTicket ticket, SupportAgent agent, IGuidedConversation conversation, string? detail) =>
        new(kind, ticket.AccountAlias, new Requester("agent-console", agent.UserName, agent.DisplayName, true),
            conversation.Context.Activity.Conversation?.Id ?? "", time.GetUtcNow(), detail);

    private static JsonObject Reason(string outcome) => new() { ["outcome"] = outcome };
}
