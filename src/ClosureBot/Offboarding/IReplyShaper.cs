using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>
/// Adapts a turn's replies to its channel (e.g. Teams card buttons) after the dialog made them and before they are
/// committed to the outbox.
/// </summary>
public interface IReplyShaper
{
    void Shape(ITurnContext context);
}
