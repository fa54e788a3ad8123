using System.Runtime.CompilerServices;
using ClosureBot.Dialogs.Choices;
using ClosureBot.Localization;

namespace ClosureBot.Offboarding;

/// <summary>
/// The options the steps offer, titled in one language, made once per language. Their values are the same in every
/// language, and the English words stay synonyms, so an answer typed in English is understood whatever the locale.
/// </summary>
internal sealed class StepChoices
{
    public const string DoneValue = "done";

    private static readonly ConditionalWeakTable<LocaleTable, StepChoices> ByLanguage = [];

    private StepChoices(LocaleTable t)
    {
        // The English captions: already the titles in English, synonyms in the other languages.
        string[] English(params string[] captions) => t.Language == Locales.DefaultLanguage ? [] : captions;
        var done = new Choice(DoneValue) { Title = t[TextId.Done], Synonyms = ["finished", "completed", "complete", "all done", "ready", "next"] };
        var checkAgain = new Choice(Intents.CheckAgain) { Title = t[TextId.CheckAgain], Synonyms = ["refresh", "recheck", .. English("check again")] };
        RetrieveData =
        [
            done,
            new Choice(Intents.Help) { Title = t[TextId.NeedHelp], Synonyms = English("I need help") },
            new Choice(Intents.RemindLater) { Title = t[TextId.RemindMeLater], Synonyms = English("Remind me later") },
        ];
        Remaining = [done, checkAgain];
        YesNo = [new Choice("yes") { Title = t[TextId.Yes] }, new Choice("no") { Title = t[TextId.No] }];
        // A yes/no question whose yes may also be typed as the question's own words (a text of '|'-separated phrases),
        // in the customer's language and, as everywhere, in English (the English table's words).
        static string[] Phrases(string text) => text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Choice[] YesSaying(TextId words) =>
        [
            new Choice("yes") { Title = t[TextId.Yes], Synonyms = [.. Phrases(t[words]), .. English(Phrases(t.English[words]))] },
            YesNo[1],
        ];
        ContinueAnyway = YesSaying(TextId.ContinueAnywayWords);
        Resume = YesSaying(TextId.ResumeWords);
        // The term commitment's no, typed as a way of paying that has none ("pay as you go", "sin permanencia"); only
        // words that cannot mean a commitment, since this no moves the closure on.
        TermCommitment =
        [
            YesNo[0],
            new Choice("no") { Title = t[TextId.No], Synonyms = [.. Phrases(t[TextId.NoCommitmentWords]), .. English(Phrases(t.English[TextId.NoCommitmentWords]))] },
        ];
    }

    /// <summary>Step 1: Done, I need help, Remind me later.</summary>
    public IReadOnlyList<Choice> RetrieveData { get; }

    /// <summary>Steps 2 and 3: Done, Check again.</summary>
    public IReadOnlyList<Choice> Remaining { get; }

    /// <summary>A yes/no question's buttons.</summary>
    public IReadOnlyList<Choice> YesNo { get; }

    /// <summary>"… Continue anyway?": Yes and No, and the yes typed as the question's own words ("continue anyway", "weiter").</summary>
    public IReadOnlyList<Choice> ContinueAnyway { get; }

    /// <summary>"Shall we pick up where you left off?": Yes and No, and the yes typed as the offer's own words ("continue", "weitermachen").</summary>
    public IReadOnlyList<Choice> Resume { get; }

    /// <summary>"Do you have a cloud term commitment?": Yes and No, and the no typed as a way of paying without one ("pay as you go").</summary>
    public IReadOnlyList<Choice> TermCommitment { get; }

    public static StepChoices Of(LocaleTable t) => ByLanguage.GetValue(t, table => new StepChoices(table));
}
