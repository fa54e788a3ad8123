using ClosureBot.Handoff;
using ClosureBot.Localization;

namespace ClosureBot.Offboarding;

/// <summary>The closure flow's screens as the handoff needs them (the flow's side of <see cref="IGuidedFlow"/>).</summary>
/// <remarks>For support staff: in English, whatever language the customer speaks.</remarks>
public sealed class GuidedFlow(OffboardingDialog offboarding, Locales locales) : IGuidedFlow
{
    private readonly LocaleTable _english = locales.English;

    private static readonly string[] Screens =
    [
        OffboardingSteps.Overview, OffboardingSteps.Account, OffboardingSteps.TermCommitment, OffboardingSteps.RetrieveData,
        OffboardingSteps.DeleteServers, OffboardingSteps.DeleteServices, OffboardingSteps.RequestClose,
    ];

    private IReadOnlyList<HandBackPoint>? _points;

    public IReadOnlyList<HandBackPoint> HandBackPoints => _points ??= Screens.Where(offboarding.IsScreen)
        .Select(s => new HandBackPoint(s, Title(s)))
        .Append(new HandBackPoint(HandBackPoint.End, "End the conversation"))
        .ToList();

    public IReadOnlyList<HandoffStepProgress> Progress(string? screen)
    {
        var current = screen is null ? 0 : OffboardingSteps.NumberOf(screen);
        return OffboardingSteps.Numbered.Select((s, i) => new HandoffStepProgress(s.Id, _english[s.Title],
            current == 0 || i + 1 > current ? "todo" : i + 1 == current ? "current" : "done")).ToList();
    }

    public string Describe(string? screen) => screen is null ? "the start" : OffboardingSteps.Describe(_english, screen);

    private string Title(string screen)
    {
        var described = OffboardingSteps.Describe(_english, screen);
        return described.Length > 0 ? char.ToUpperInvariant(described[0]) + described[1..] : screen;
    }
}
