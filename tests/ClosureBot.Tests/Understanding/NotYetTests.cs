using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// What a customer still has to do is not done. At step 1 "I need to finish it" or "ich muss das Kopieren noch fertig
/// machen" read as done ("finish", "fertig"): the bot went on to step 2 and the closure request would have recorded that
/// the data was retrieved. And a button's word inside a sentence does not press it: "next", one of Done's words, made "I
/// have a contract until next year" at step 2 a Done (that sentence is now heard as a term commitment:
/// <see cref="TermCommitmentMidFlowTests"/>), and as much "we plan the migration for next year".
/// </summary>
public sealed class NotYetTests
{
    [Theory]
    [InlineData("en-US", "we need to finish the migration next month")]
    [InlineData("en-US", "we must complete the transfer")]
    [InlineData("en-US", "I need to finish it")]
    [InlineData("en-US", "we still have to copy the database")]
    [InlineData("de-DE", "ich muss das Kopieren noch fertig machen")]
    [InlineData("de-DE", "wir müssen die Migration erst abschließen")]
    [InlineData("es-ES", "tenemos que terminar la migración")]
    [InlineData("fr-FR", "je dois terminer la copie")]
    [InlineData("pt-BR", "temos que terminar a cópia")]
    public async Task AtRetrieveData_WhatIsStillToDo_KeepsTheStep(string locale, string statement)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var chat = new LocalizedChat(ann, locale);
        await chat.WalkTo(OffboardingSteps.RetrieveData);

        var replies = await chat.Send(statement);

        // Not step 2's card: the step waits, with its "take your time" in the customer's language.
        replies.DoesNotSay(StepFragments.StepTwo[locale]).Says(NoRush[locale]);
        // And the data is not taken as retrieved: "done" now is what moves on.
        (await chat.Send(Done[locale])).Says(StepFragments.StepTwo[locale]);
    }

    // No obligation is not one: nothing to copy still moves on.
    [Theory]
    [InlineData("I don't need to copy anything")]
    [InlineData("there's nothing we need to copy")]
    public async Task AtRetrieveData_NoNeedToCopy_IsNothingToKeep(string statement)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send(statement)).DoesNotSay("No rush").Says("nothing to copy");
    }

    [Theory]
    [InlineData("we plan the migration for next year")]
    [InlineData("the database server is next on my list")]
    [InlineData("next I will delete the database server")]
    public async Task AtDeleteServers_ADoneWordInsideASentence_DoesNotPressDone(string statement)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        var replies = await ann.Send(statement);

        replies.DoesNotSay("Continue anyway?").DoesNotSay("Step 3 of 5");
        // A half of the message, as the README says, still picks Done.
        (await ann.Send("next please")).Says("Continue anyway?");
    }

    private static readonly Dictionary<string, string> Done = new()
    {
        ["en-US"] = "done", ["de-DE"] = "fertig", ["es-ES"] = "listo", ["fr-FR"] = "terminé", ["pt-BR"] = "pronto",
    };

    private static readonly Dictionary<string, string> NoRush = new()
    {
        ["en-US"] = "No rush", ["de-DE"] = "Keine Eile", ["es-ES"] = "Sin prisa", ["fr-FR"] = "Rien ne presse", ["pt-BR"] = "Sem pressa",
    };
}
