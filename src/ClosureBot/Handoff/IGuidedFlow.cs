using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>What the handoff needs to know about the guided flow's screens (a port: the flow implements it).</summary>
public interface IGuidedFlow
{
    /// <summary>The screens a conversation can be handed back at, in flow order, then <see cref="HandBackPoint.End"/>.</summary>
    IReadOnlyList<HandBackPoint> HandBackPoints { get; }

    /// <summary>The five numbered steps as done, current or to come for a conversation at <paramref name="screen"/>.</summary>
    IReadOnlyList<HandoffStepProgress> Progress(string? screen);

    /// <summary>A screen's title in <paramref name="t"/>'s language, as a hand-back point lists it ("Step 2 of 5 — …").</summary>
    string ScreenTitle(string screen, LocaleTable t);

    /// <summary>A numbered step's own title in <paramref name="t"/>'s language ("Retrieve your data"), as the progress lists it.</summary>
    string StepTitle(string screen, LocaleTable t);

    /// <summary>How the customer hears the screen named ("Step 2 of 5 — …"), or "the start" when idle.</summary>
    string Describe(string? screen);
}
