namespace ClosureBot.Protocol.Turns;

/// <summary>The turn was processed (its state is saved) but the channel did not take its replies.</summary>
public sealed class ReplyDeliveryException(Exception inner)
    : Exception("The turn was processed but its replies could not be delivered to the channel.", inner);
