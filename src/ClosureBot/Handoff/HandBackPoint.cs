namespace ClosureBot.Handoff;

/// <summary>A place the bot can resume at after a hand-back: a screen id of the flow (or <see cref="End"/>) and its title.</summary>
public sealed record HandBackPoint(string Screen, string Title)
{
    /// <summary>Resume nowhere: the bot says goodbye and the conversation ends.</summary>
    public const string End = "end";
}
