using ClosureBot.Protocol.Activities;

namespace ClosureBot.Handoff;

/// <summary>A ticket as stored: what the console sees, plus where the conversation lives (to run turns on it).</summary>
/// <param name="ConversationKey"><c>{channelId}/{conversationId}</c>, the key the bot keeps the conversation's state under.</param>
/// <param name="Reference">Enough to address the customer's channel later (web chat's log, or the Connector's <c>serviceUrl</c>).</param>
public sealed record HandoffRecord(HandoffTicket Ticket, string ConversationKey, ConversationReference Reference);
