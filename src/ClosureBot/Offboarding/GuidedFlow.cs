using ClosureBot.Handoff;
using ClosureBot.Localization;

namespace ClosureBot.Offboarding;

/// <summary>The closure flow's screens as the handoff needs them (the flow's side of <see cref="IGuidedFlow"/>).</summary>
/// <remarks>Titles in English unless a language is asked for (the console asks for the agent's).</remarks>
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
        .Select(s => new HandBackPoint(s, ScreenTitle(s, _english)))
        .Append(new HandBackPoint(HandBackPoint.End, "End the conversation"))
        .ToList();

    public IReadOnlyList<HandoffStepProgress> Progress(string? screen)
    {
        var current = screen is null ? 0 : OffboardingSteps.NumberOf(screen);
        return OffboardingSteps.Numbered.Select((s, i) => new HandoffStepProgress(s.Id, StepTitle(s.Id, _english),
            current == 0 || i + 1 > current ? "todo" : i + 1 == current ? "current" : "done")).ToList();
    }

    public string Describe(string? screen) => screen is null ? "the start" : OffboardingSteps.Describe(_english, screen);

    public string ScreenTitle(string screen, LocaleTable t)
    {
        var described = OffboardingSteps.Describe(t, screen);
        return described.Length > 0 ? char.ToUpper(described[0], t.Culture) + described[1..] : screen;
    }

    public string StepTitle(string screen, LocaleTable t) =>
        OffboardingSteps.NumberOf(screen) is var n and > 0 ? t[OffboardingSteps.Numbered[n - 1].Title] : ScreenTitle(screen, t);
}
