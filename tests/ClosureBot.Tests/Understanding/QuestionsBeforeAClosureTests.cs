using ClosureBot.Tests.Handoff;
using ClosureBot.Localization;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// Questions asked before any closure started. "Can I reopen my account later?" once got the welcome card (its "later"
/// read as remind me later), a question about closing the bot could not answer got the welcome card as if it were
/// off-topic, and "do I need to cancel my support plan?" put the customer in the support queue.
/// </summary>
public sealed class QuestionsBeforeAClosureTests
{
    private static readonly Locales Tables = Locales.Load();

    [Theory]
    [InlineData("en-US", "can I reopen my account later?")]
    [InlineData("en-US", "what if I change my mind after closing?")]
    [InlineData("en-US", "Is it possible to reactivate the account once it's closed?")]
    [InlineData("de-DE", "Kann ich mein Konto später wieder eröffnen?")]
    [InlineData("es-ES", "¿Puedo reabrir mi cuenta más tarde?")]
    [InlineData("fr-FR", "Puis-je rouvrir mon compte plus tard ?")]
    [InlineData("pt-BR", "Posso reabrir minha conta depois?")]
    public async Task Reopening_IsAnsweredThatNothingCanBeRecovered(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var texts = Tables.For(locale);
        await chat.Client.Join();

        var replies = await chat.Send(question);

        replies.Says(texts.Format(TextId.KbDataRecovery, "https://www.ctl.io/service-tasks/")).DoesNotSay(texts[TextId.ShallWeStart]);
        Assert.Empty(replies.Cards);
        // Nothing started: the welcome's yes still begins the closure.
        (await chat.Send(texts[TextId.Yes])).Asks(texts[TextId.ShallWeStart]);
    }

    // What to do before closing, and the steps: the article's exception and five steps, named. These once got "I don't
    // know the answer to that one" followed by the welcome card that lists them, or (in German) the overview's help.
    [Theory]
    [InlineData("en-US", "what do I need to do before closing?")]
    [InlineData("en-US", "what are the steps?")]
    [InlineData("en-US", "what's the process?")]
    [InlineData("de-DE", "Was muss ich vor der Kündigung tun?")]
    [InlineData("de-DE", "Welche Schritte gibt es?")]
    [InlineData("es-ES", "¿qué tengo que hacer antes del cierre?")]
    [InlineData("es-ES", "¿cuáles son los pasos?")]
    [InlineData("fr-FR", "que dois-je faire avant la fermeture ?")]
    [InlineData("fr-FR", "quelles sont les étapes ?")]
    [InlineData("pt-BR", "o que preciso fazer antes de encerrar?")]
    [InlineData("pt-BR", "quais são as etapas?")]
    public async Task WhatToDoBeforeClosing_NamesTheExceptionAndTheFiveSteps(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var texts = Tables.For(locale);
        await chat.Client.Join();

        var replies = await chat.Send(question);

        // One step a line, so Web Chat and Teams show a numbered list.
        replies.Says("\n1. " + texts[TextId.StepRetrieveData]).Says("\n4. " + texts[TextId.StepRequestClose])
            // The whole answer: the exception before the steps, all five, and that nothing is requested before step 4.
            .Says(texts.Format(TextId.KbSteps, texts[TextId.StepRetrieveData], texts[TextId.StepDeleteServers], texts[TextId.StepDeleteServices],
                texts[TextId.StepRequestClose], texts[TextId.StepFinalInvoice]))
            .DoesNotSay(texts[TextId.KbUnknown][..20]);
        Assert.Empty(await app.ClosureRequestsAsync());
        // Nothing started: the welcome's yes begins the closure.
        (await chat.Send(texts[TextId.Yes])).Asks(texts[TextId.ShallWeStart]);
    }

    // Help asked for before something is still help: the overview's help, not the steps.
    [Theory]
    [InlineData("de-DE", "ich brauche Hilfe vor der Kündigung")]
    [InlineData("fr-FR", "j'ai besoin d'aide avant de continuer")]
    public async Task HelpBeforeSomething_IsStillHelp(string locale, string message)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var texts = Tables.For(locale);
        await chat.Client.Join();

        (await chat.Send(message)).Says(texts[TextId.HelpOverview]).DoesNotSay("\n1. " + texts[TextId.StepRetrieveData]);
    }

    // Mid-flow, the same question gets the steps and the step's question again.
    [Fact]
    public async Task WhatAreTheSteps_MidFlow_NamesThemAndAsksTheStepsQuestionAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(ClosureBot.Offboarding.OffboardingSteps.DeleteServers));

        (await ann.Send("what are the steps again?")).Says("3. Delete services with an hourly or monthly charge")
            .Asks(Script.Question(ClosureBot.Offboarding.OffboardingSteps.DeleteServers));
    }

    // What becomes of the data once the account is closed, and how long it is kept: these got "I don't know" in every
    // language, "how long do you keep my data?" the time the steps take, and two of them started a closure.
    [Theory]
    [InlineData("en-US", "what happens to my data when I close?")]
    [InlineData("en-US", "will my data be deleted?")]
    [InlineData("en-US", "do you delete my data?")]
    [InlineData("en-US", "is my data kept after closing?")]
    [InlineData("en-US", "how long do you keep my data?")]
    [InlineData("en-US", "will my backups be deleted?")]
    [InlineData("en-US", "what happens to my servers after the account is closed?")]
    [InlineData("en-US", "what happens after I close my account?")]
    [InlineData("de-DE", "Was passiert mit meinen Daten, wenn ich kündige?")]
    [InlineData("de-DE", "Werden meine Daten gelöscht?")]
    [InlineData("de-DE", "Wie lange bewahrt ihr meine Daten auf?")]
    [InlineData("es-ES", "¿Qué pasa con mis datos cuando cierre la cuenta?")]
    [InlineData("es-ES", "¿Se borrarán mis datos?")]
    [InlineData("es-ES", "¿Cuánto tiempo guardan mis datos?")]
    [InlineData("fr-FR", "Que deviennent mes données après la fermeture ?")]
    [InlineData("fr-FR", "Mes données seront-elles supprimées ?")]
    [InlineData("fr-FR", "Combien de temps conservez-vous mes données ?")]
    [InlineData("pt-BR", "O que acontece com meus dados quando eu encerrar a conta?")]
    [InlineData("pt-BR", "Meus dados serão apagados?")]
    [InlineData("pt-BR", "Por quanto tempo vocês guardam meus dados?")]
    public async Task WhatBecomesOfTheData_IsAnsweredThatEverythingIsDeletedOnceTheRequestIsVerified(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var texts = Tables.For(locale);
        await chat.Client.Join();

        var replies = await chat.Send(question);

        replies.Says(texts.Format(TextId.KbDataAfterClosing, "https://www.ctl.io/service-tasks/")).DoesNotSay(texts[TextId.ShallWeStart]);
        Assert.Empty(replies.Cards);
        Assert.Empty(await app.ClosureRequestsAsync());
        (await chat.Send(texts[TextId.Yes])).Asks(texts[TextId.ShallWeStart]);
    }

    // Whether a person or a bot answers is a question, not a request for a person: "is this a real person?", "are you
    // human?", "¿eres humano?" put the customer in the support queue. They are answered, with Talk to support beside the
    // answer; asking for a person still queues.
    [Theory]
    [InlineData("en-US", "is this a real person?")]
    [InlineData("en-US", "are you a bot?")]
    [InlineData("en-US", "am I talking to a human?")]
    [InlineData("de-DE", "bist du ein Mensch?")]
    [InlineData("de-DE", "spreche ich mit einem Bot?")]
    [InlineData("es-ES", "¿eres humano?")]
    [InlineData("es-ES", "¿estoy hablando con una persona real?")]
    [InlineData("fr-FR", "vous êtes un robot ?")]
    [InlineData("fr-FR", "est-ce que je parle à un humain ?")]
    [InlineData("pt-BR", "você é um robô?")]
    [InlineData("pt-BR", "estou falando com uma pessoa de verdade?")]
    public async Task AskingWhetherAPersonAnswers_IsAnsweredWithSupportBeside_WithoutQueueing(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var texts = Tables.For(locale);
        await chat.Client.Join();

        var replies = await chat.Send(question);

        replies.Says(texts[TextId.KbAboutTheBot]).Offers(texts[TextId.TalkToSupport]).DoesNotSay(texts[TextId.ShallWeStart]);
        Assert.DoesNotContain(await app.AuditAsync(), e => e.Kind == "handoff-requested");
        (await chat.Click(new { action = "support", step = "welcome" })).Says(Literal(texts[TextId.Queued]));
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-requested");
    }

    [Theory]
    [InlineData("can I talk to a real person?")]
    [InlineData("I want to speak to a human")]
    public async Task AskingForAPerson_StillQueues(string message)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        await ann.Send(message);

        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-requested");
    }

    [Theory]
    [InlineData("en-US", "do I get a refund for unused credit?")]
    [InlineData("en-US", "is my data deleted securely?")]
    [InlineData("en-US", "where is my data stored?")]
    [InlineData("en-US", "do I need to cancel my support plan separately?")]
    [InlineData("de-DE", "Werden meine Daten sicher gelöscht?")]
    [InlineData("de-DE", "Muss ich meinen Support-Vertrag separat kündigen?")]
    [InlineData("es-ES", "¿Tengo que cancelar mi plan de soporte por separado?")]
    [InlineData("fr-FR", "Dois-je résilier mon contrat de support séparément ?")]
    [InlineData("pt-BR", "Preciso cancelar meu plano de suporte separadamente?")]
    public async Task AboutClosing_Unanswerable_IsAdmittedAndOffersSupport_WithoutQueueing(string locale, string question)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var texts = Tables.For(locale);
        await chat.Client.Join();

        var replies = await chat.Send(question);

        replies.Says(texts.Format(TextId.KbUnknown, "help@ctl.io")).Offers(texts[TextId.TalkToSupport]);
        Assert.Empty(replies.Cards);
        Assert.DoesNotContain(await app.AuditAsync(), e => e.Kind == "handoff-requested");
        // The button queues, and only then.
        (await chat.Click(new { action = "support", step = "welcome" })).Says(Literal(texts[TextId.Queued]));
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-requested");
    }

    // As the first message, before the welcome was shown: the admission, then the welcome card saying what the bot does
    // (its own Talk to support button), whose yes starts the closure.
    [Fact]
    public async Task AboutClosing_Unanswerable_AsTheFirstMessage_IsAdmittedThenWelcomed()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        var replies = await ann.Send("what happens to our users and their logins?");

        replies.Says("I don't know the answer to that one").Says("Hi, I'm ClosureBot").Offers("Start account closure", "Talk to support");
        Assert.Equal(2, replies.Count);
        Assert.Null(replies.Activities[0]["suggestedActions"]);
        (await ann.Send("yes")).Says("sorry to see you go");
    }

    [Theory]
    [InlineData("what's the weather like?")]
    [InlineData("who are you?")]
    [InlineData("what can you do?")]
    public async Task OffTopic_GetsTheWelcomeAlone(string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        var replies = await ann.Send(question);

        replies.Says("Hi, I'm ClosureBot").DoesNotSay("I don't know the answer");
        Assert.Equal(1, replies.Count);
    }

    // The support plan is a thing asked about; support itself is still a person asked for.
    [Theory]
    [InlineData("en-US", "I need to talk to support about my plan")]
    [InlineData("en-US", "connect me to support please")]
    [InlineData("de-DE", "Ich möchte mit dem Support sprechen")]
    [InlineData("es-ES", "quiero hablar con soporte")]
    [InlineData("fr-FR", "je veux parler au support")]
    [InlineData("pt-BR", "quero falar com o suporte")]
    public async Task SupportAskedFor_StillQueues(string locale, string text)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);

        (await chat.Send(text)).Says(Literal(Tables.For(locale)[TextId.Queued]));
        Assert.Contains(await app.AuditAsync(), e => e.Kind == "handoff-requested");
    }

    // The longest part of a text table's entry between its placeholders: what every customer reads of it.
    private static string Literal(string text) =>
        System.Text.RegularExpressions.Regex.Split(text, @"\{\d+\}").MaxBy(part => part.Length)!.Trim();
}
