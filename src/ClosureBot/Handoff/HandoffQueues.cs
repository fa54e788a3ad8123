namespace ClosureBot.Handoff;

/// <summary>The built-in queues.</summary>
public static class HandoffQueues
{
    public const string Support = "support";
    public const string Sales = "sales";
}
