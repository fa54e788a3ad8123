using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels;

/// <summary>
/// Adapts a turn's replies to its channel (e.g. Teams card buttons) after the dialog made them and before they are
/// committed to the outbox. A port the conversation calls and the channels (and the flow's own shapers) implement, so
/// that a channel's code never reaches into the flow.
/// </summary>
public interface IReplyShaper
{
    void Shape(ITurnContext context);
}
