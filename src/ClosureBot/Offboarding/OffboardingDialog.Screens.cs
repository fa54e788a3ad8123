using System.Collections.Frozen;
using ClosureBot.Dialogs;

namespace ClosureBot.Offboarding;

// Where a conversation stands in the flow, by screen: what the router asks to resume, go back, or read a card's button.
public sealed partial class OffboardingDialog
{
    // The screen of each step: its name up to the slash, worked out once; and the screens in order.
    private readonly FrozenDictionary<string, string> _screenOfStep;
    private readonly string[] _screens;

    /// <summary>The screen (as card buttons carry it) a conversation stands at.</summary>
    public string CurrentScreen(DialogInstance instance) => _screenOfStep[CurrentStepName(instance)];

    /// <summary>Whether <paramref name="name"/> is a screen this version of the dialog can resume at.</summary>
    public bool IsScreen(string? name) => name is not null && _screenOfStep.TryGetValue(name, out var screen) && screen == name;

    /// <summary>
    /// The screen "go back" shows from where <paramref name="instance"/> stands: the screen itself when a step that reads
    /// the screen's answer asked a follow-up question ("continue anyway?"), otherwise the screen before; null at the overview.
    /// </summary>
    public string? ScreenBefore(DialogInstance instance)
    {
        var step = CurrentStepName(instance);
        var screen = _screenOfStep[step];
        return IsAnswerStep(step) ? screen : ScreenBefore(screen);
    }

    // The step that reads a screen's answer ("delete-servers/answer"); waiting there, it asked a follow-up question.
    private const string AnswerSuffix = "/answer";
    private static string AnswerStepOf(string screen) => screen + AnswerSuffix;
    private static bool IsAnswerStep(string step) => step.EndsWith(AnswerSuffix, StringComparison.Ordinal);

    /// <summary>The screen before <paramref name="screen"/> in the flow's order; null for the overview.</summary>
    public string? ScreenBefore(string screen)
    {
        var index = OrderOf(screen);
        return index > 0 ? _screens[index - 1] : null;
    }

    /// <summary>Where <paramref name="screen"/> comes in the flow: 0 for the overview; -1 for no screen of it.</summary>
    public int OrderOf(string screen) => Array.IndexOf(_screens, screen);

    /// <summary>Whether <paramref name="instance"/> waits for the answer to "… remain. Continue anyway?" (steps 2 and 3).</summary>
    public bool AsksToContinueAnyway(DialogInstance instance) =>
        CurrentStepName(instance) is var step && IsAnswerStep(step) && _screenOfStep[step] is OffboardingSteps.DeleteServers or OffboardingSteps.DeleteServices;
}
