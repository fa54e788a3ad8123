using ClosureBot.Handoff;

namespace ClosureBot.Offboarding;

/// <summary>The closure flow's screens as the handoff needs them (the flow's side of <see cref="IGuidedFlow"/>).</summary>
public sealed class GuidedFlow(OffboardingDialog offboarding) : IGuidedFlow
{
    private static readonly string[] Screens =
    [
        OffboardingSteps.Overview, OffboardingSteps.Account, OffboardingSteps.TermCommitment, OffboardingSteps.RetrieveData,
        OffboardingSteps.DeleteServers, OffboardingSteps.DeleteServices, OffboardingSteps.RequestClose,
    ];

    private readonly IReadOnlyList<HandBackPoint> _points = Screens.Where(offboarding.IsScreen)
        .Select(s => new HandBackPoint(s, Title(s)))
        .Append(new HandBackPoint(HandBackPoint.End, "End the conversation"))
        .ToList();

    public IReadOnlyList<HandBackPoint> HandBackPoints => _points;

    public IReadOnlyList<HandoffStepProgress> Progress(string? screen)
    {
        var current = screen is null ? 0 : OffboardingSteps.NumberOf(screen);
        return OffboardingSteps.Numbered.Select((s, i) => new HandoffStepProgress(s.Id, s.Title,
            current == 0 || i + 1 > current ? "todo" : i + 1 == current ? "current" : "done")).ToList();
    }

    public string Describe(string? screen) => screen is null ? "the start" : OffboardingSteps.Describe(screen);

    private static string Title(string screen)
    {
        var described = OffboardingSteps.Describe(screen);
        return described.Length > 0 ? char.ToUpperInvariant(described[0]) + described[1..] : screen;
    }
}
