using ClosureBot.Offboarding;
using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>Questions are answered from the knowledge base in the context of the step, and the step's question is asked again.</summary>
public sealed class KnowledgeBaseTests
{
    [Theory]
    [InlineData(OffboardingSteps.Overview, "can I get my data back after the account is closed?", "neither it nor anything on it")]
    [InlineData(OffboardingSteps.Account, "where do I find the alias?", "under Account → Info")]
    [InlineData(OffboardingSteps.TermCommitment, "what's a term commitment?", "terminate service order")]
    [InlineData(OffboardingSteps.RetrieveData, "what is a service task and what does it cost?", "for a fee")]
    [InlineData(OffboardingSteps.RetrieveData, "what servers?", "virtual and bare metal servers")]
    [InlineData(OffboardingSteps.DeleteServers, "why do stopped servers still cost money?", "stopped and archived")]
    [InlineData(OffboardingSteps.DeleteServices, "which services?", "load balancer pools")]
    [InlineData(OffboardingSteps.DeleteServices, "when will I get the final invoice?", "after 30 November 2026")]
    [InlineData(OffboardingSteps.RequestClose, "what does request to close do?", "Once sent it cannot be undone")]
    [InlineData(OffboardingSteps.RetrieveData, "what if I miss something?", "neither it nor anything on it")]
    [InlineData(OffboardingSteps.RequestClose, "what if we forgot something?", "neither it nor anything on it")]
    [InlineData(OffboardingSteps.Overview, "how long will it take?", "a few hours or days")]
    [InlineData(OffboardingSteps.DeleteServers, "How long until the account is actually closed?", "a few hours or days")]
    [InlineData(OffboardingSteps.RetrieveData, "how do I download my stuff?", "transfer the data you want to keep")]
    [InlineData(OffboardingSteps.RetrieveData, "what's the best way to copy our files off the servers?", "transfer the data you want to keep")]
    // What becomes of the data once the account is closed, at the steps where it matters most.
    [InlineData(OffboardingSteps.RetrieveData, "what happens to my data after the account is closed?", "delete everything still on it")]
    [InlineData(OffboardingSteps.RetrieveData, "how long do you keep our files?", "delete everything still on it")]
    [InlineData(OffboardingSteps.RequestClose, "will my data be deleted?", "delete everything still on it")]
    // "That" is what the screen asks about.
    [InlineData(OffboardingSteps.TermCommitment, "what's that?", "terminate service order")]
    [InlineData(OffboardingSteps.Account, "what does that mean?", "under Account → Info")]
    [InlineData(OffboardingSteps.DeleteServices, "what are those?", "load balancer pools")]
    [InlineData(OffboardingSteps.RequestClose, "what do you mean?", "Once sent it cannot be undone")]
    // A word that only hints at a topic is enough when the topic is what the step's question is about.
    [InlineData(OffboardingSteps.RequestClose, "what happens after I confirm?", "Once sent it cannot be undone")]
    [InlineData(OffboardingSteps.RequestClose, "what happens once I type it?", "Once sent it cannot be undone")]
    [InlineData(OffboardingSteps.Account, "where?", "under Account → Info")]
    [InlineData(OffboardingSteps.RequestClose, "where do I find it?", "under Account → Info")]
    [InlineData(OffboardingSteps.RequestClose, "where can I see the alias?", "under Account → Info")]
    // Whether it is for good: "final" alone where the request is made; "permanent", "irreversible" anywhere. Once "I don't know".
    [InlineData(OffboardingSteps.RequestClose, "is this final?", "Once sent it cannot be undone")]
    [InlineData(OffboardingSteps.Overview, "is closing permanent?", "Once sent it cannot be undone")]
    [InlineData(OffboardingSteps.DeleteServers, "is it irreversible?", "Once sent it cannot be undone")]
    public async Task Question_AtStep_AnsweredFromTheKnowledgeBaseAndAskedAgain(string screen, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        (await ann.Send(question)).Says(answer).DoesNotSay("I don't know the answer").Asks(Script.Question(screen));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Question_SameWordsAtAnotherStep_AnswersThatStepsTopic()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServices));

        (await ann.Send("what still costs me money?")).Says("billed for as long as they exist");
    }

    [Fact]
    public async Task Question_Unknown_AdmitsItAndOffersSupport()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        var replies = await ann.Send("do you like jazz?");

        replies.Says("I don't know the answer to that one").Says("help@ctl.io").Asks(Script.Question(OffboardingSteps.RetrieveData));
        // The offer sits beside the step's own buttons on the question: a client shows only the last message's buttons,
        // and the answer's own button was never seen there.
        Assert.Equal(["Talk to support", "Done", "I need help", "Remind me later"], replies.LastButtons);
        Assert.Null(replies.Activities[0]["suggestedActions"]);
    }

    // Mid-flow too: the answer, the step's question again with Talk to support beside its buttons, and no queue.
    [Fact]
    public async Task Question_WhetherAPersonAnswers_AtAStep_IsAnsweredWithSupportBesideTheStepsButtons()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));

        var replies = await ann.Send("are you a real person?");

        replies.Says("I'm ClosureBot, an automated assistant, not a person").Asks(Script.Question(OffboardingSteps.DeleteServers));
        Assert.Equal(["Talk to support", "Done", "Check again"], replies.LastButtons);
        Assert.DoesNotContain(await app.AuditAsync(), e => e.Kind == "handoff-requested");
    }

    [Theory]
    [InlineData(OffboardingSteps.Account, "what if my colleague already started closing it?", new[] { "Talk to support" })]
    [InlineData(OffboardingSteps.DeleteServers, "what about snapshots?", new[] { "Talk to support", "Done", "Check again" })]
    [InlineData(OffboardingSteps.DeleteServices, "do you like jazz?", new[] { "Talk to support", "Done", "Check again" })]
    public async Task Question_Unknown_AtAStep_SupportChosenFromTheQuestionsButtons_Queues(string screen, string question, string[] buttons)
    {
        await using var app = HandoffTestApp.Create();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        var replies = await ann.Send(question);

        replies.Says("I don't know the answer to that one").Asks(Script.Question(screen));
        Assert.Equal(buttons, replies.LastButtons);
        var button = replies.Activities[^1]["suggestedActions"]!["actions"]![0]!;
        (await ann.Deliver(ann.Message((string?)button["text"], button["value"]!.DeepClone()))).Says("You're number 1 in the queue");
        var ticket = await app.TicketOfAsync(ann.ConversationId);
        // The customer asked for a person (the desk knows no reason for an unanswered question; the transcript shows it).
        Assert.Equal(("asked", screen), (ticket.Reason, ticket.Screen));
    }

    // Copying a machine off (exporting, backing up, downloading, extracting a VM or a server) asks how to keep its data,
    // which the article answers with the transfer and a Service Task. At the deleting steps, where the servers are the
    // step's topic, the machine's name once won and the question got what a server is.
    [Theory]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "how do I export a VM?", "Service Task")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "can I download my server image?", "Service Task")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "how do I back up my servers?", "Service Task")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "how can I extract a virtual machine?", "Service Task")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "how do I export a VM?", "Service Task")]
    [InlineData("de-DE", OffboardingSteps.DeleteServers, "wie exportiere ich eine VM?", "Service Task")]
    [InlineData("de-DE", OffboardingSteps.DeleteServers, "wie sichere ich meine Server?", "Service Task")]
    [InlineData("es-ES", OffboardingSteps.DeleteServers, "¿cómo hago una copia de seguridad de mis servidores?", "Service Task")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServers, "comment sauvegarder mes serveurs ?", "Service Task")]
    [InlineData("pt-BR", OffboardingSteps.DeleteServers, "como faço backup dos meus servidores?", "Service Task")]
    // What a machine is, or whether it must go, is still about the servers.
    [InlineData("en-US", OffboardingSteps.DeleteServers, "what's a VM?", "virtual and bare metal servers")]
    [InlineData("en-US", OffboardingSteps.RetrieveData, "what servers?", "virtual and bare metal servers")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "do the archived VMs count?", "virtual and bare metal servers")]
    public async Task Question_CopyingAMachineOff_IsAboutKeepingItsData(string locale, string screen, string question, string answer)
        => await AnsweredAtAsync(locale, screen, question, answer);

    [Theory]
    [InlineData("de-DE", "was ist das?", "Kündigungsauftrag")]
    [InlineData("es-ES", "¿qué significa eso?", "orden de terminación del servicio")]
    [InlineData("es-ES", "¿y eso qué es?", "orden de terminación del servicio")]
    [InlineData("fr-FR", "c'est quoi ça ?", "ordre de résiliation de service")]
    [InlineData("pt-BR", "o que é isso?", "ordem de rescisão de serviço")]
    [InlineData("fr-FR", "combien de temps ça prend ?", "quelques heures ou quelques jours")]
    [InlineData("pt-BR", "quanto tempo demora?", "algumas horas ou dias")]
    [InlineData("de-DE", "Ist die Schließung endgültig?", "lässt er sich nicht rückgängig machen")]
    [InlineData("es-ES", "¿El cierre es definitivo?", "no se puede deshacer")]
    [InlineData("fr-FR", "La fermeture est-elle définitive ?", "elle ne peut pas être annulée")]
    [InlineData("pt-BR", "O encerramento é permanente?", "ela não pode ser desfeita")]
    public async Task Question_AtTheTermCommitment_InTheCustomersLanguage(string locale, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        replies.Says(answer);
        Assert.Equal("expectingInput", (string?)replies.Activities[^1]["inputHint"]);
    }

    // A question about what closing costs names the closure, but asks; it is answered, and the step's question asked again.
    [Theory]
    [InlineData("en-US", OffboardingSteps.Overview, "is there a fee to close my account?", "adds no fee of its own")]
    [InlineData("en-US", OffboardingSteps.Overview, "is closing free?", "adds no fee of its own")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "how much does it cost to close the account?", "adds no fee of its own")]
    [InlineData("en-US", OffboardingSteps.RequestClose, "will you charge me for closing?", "adds no fee of its own")]
    [InlineData("de-DE", OffboardingSteps.Overview, "Kostet die Kündigung etwas?", "keine eigene Gebühr")]
    [InlineData("de-DE", OffboardingSteps.RetrieveData, "Gibt es eine Gebühr, wenn ich mein Konto schließe?", "keine eigene Gebühr")]
    [InlineData("es-ES", OffboardingSteps.Overview, "¿Cuesta algo cerrar la cuenta?", "no tiene una tarifa propia")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServices, "Y a-t-il des frais pour fermer mon compte ?", "pas de frais propres")]
    [InlineData("pt-BR", OffboardingSteps.Overview, "Há alguma taxa para encerrar a conta?", "não tem uma taxa própria")]
    // A closure question the knowledge base knows is answered too, rather than read as a wish to close.
    [InlineData("en-US", OffboardingSteps.Overview, "how long does it take to close my account?", "a few hours or days")]
    public async Task Question_WhatClosingCosts_IsAnsweredNotTakenForTheClosure(string locale, string screen, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        replies.Says(answer).DoesNotSay("already").DoesNotSay("I don't know");
        Assert.Equal("expectingInput", (string?)replies.Activities[^1]["inputHint"]);
    }

    // What follows the request, who verifies it, and when the account is closed: the article's "verification of that user"
    // by the team that then closes the account, a few hours or days after the request. Asked in everyday words, these
    // once got "I don't know", the data recovery's "No: …" ("after", "después", "après", "depois" hint at it), or, where
    // the question's verb is also "check again" ("qui vérifie … ?", "quem verifica … ?"), the step's card again.
    [Theory]
    [InlineData("en-US", OffboardingSteps.Overview, "what happens once I've sent the request?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.Overview, "what happens next after the request?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "who checks the request?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.Overview, "who approves the closure?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.RequestClose, "is the request verified?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.RetrieveData, "how is the request verified?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "will someone check the request?", "The team then verifies it and closes the account")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "when will my account actually be closed?", "a few hours or days")]
    [InlineData("en-US", OffboardingSteps.Overview, "when is the account closed?", "a few hours or days")]
    // Asked of the team rather than of the account: once a closure started by its "close my account".
    [InlineData("en-US", OffboardingSteps.Overview, "when will you close my account?", "a few hours or days")]
    [InlineData("es-ES", OffboardingSteps.Overview, "¿qué pasa después de enviar la solicitud?", "el equipo la verifica y cierra la cuenta")]
    [InlineData("es-ES", OffboardingSteps.RetrieveData, "¿quién revisa la solicitud?", "el equipo la verifica y cierra la cuenta")]
    [InlineData("es-ES", OffboardingSteps.Overview, "¿cuándo se cerrará mi cuenta?", "unas horas o días")]
    [InlineData("fr-FR", OffboardingSteps.Overview, "que se passe-t-il après la demande ?", "L'équipe la vérifie ensuite et ferme le compte")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServers, "qui vérifie la demande ?", "L'équipe la vérifie ensuite et ferme le compte")]
    [InlineData("fr-FR", OffboardingSteps.Overview, "quand mon compte sera-t-il fermé ?", "quelques heures ou quelques jours")]
    [InlineData("de-DE", OffboardingSteps.Overview, "was passiert nach dem Antrag?", "Das Team prüft ihn und schließt dann das Konto")]
    [InlineData("de-DE", OffboardingSteps.DeleteServers, "wer prüft den Antrag?", "Das Team prüft ihn und schließt dann das Konto")]
    [InlineData("de-DE", OffboardingSteps.Overview, "wann wird mein Konto geschlossen?", "einige Stunden oder Tage")]
    [InlineData("pt-BR", OffboardingSteps.Overview, "o que acontece depois do pedido?", "A equipe então a verifica e encerra a conta")]
    [InlineData("pt-BR", OffboardingSteps.Overview, "quem verifica o pedido?", "A equipe então a verifica e encerra a conta")]
    [InlineData("pt-BR", OffboardingSteps.RequestClose, "o que acontece após a solicitação?", "A equipe então a verifica e encerra a conta")]
    [InlineData("pt-BR", OffboardingSteps.Overview, "quando minha conta será encerrada?", "algumas horas ou dias")]
    public async Task Question_WhatFollowsTheRequest_SaysTheTeamVerifiesAndClosesIt(string locale, string screen, string question, string answer)
        => await AnsweredAtAsync(locale, screen, question, answer);

    // What to type at step 4's typed confirmation, or at the account question: the alias, what it is and where it is; the
    // question asked again names the alias to type. It once got "I don't know".
    [Theory]
    [InlineData("en-US", OffboardingSteps.RequestClose, "what exactly do I type?", "short code of letters")]
    [InlineData("en-US", OffboardingSteps.Account, "what should I enter here?", "short code of letters")]
    [InlineData("de-DE", OffboardingSteps.RequestClose, "was genau gebe ich ein?", "kurze Buchstabencode")]
    [InlineData("es-ES", OffboardingSteps.RequestClose, "¿qué tengo que escribir?", "código corto de letras")]
    [InlineData("fr-FR", OffboardingSteps.RequestClose, "qu'est-ce que je dois taper ?", "code court en lettres")]
    [InlineData("pt-BR", OffboardingSteps.RequestClose, "o que eu tenho que digitar?", "código curto de letras")]
    public async Task Question_WhatToType_IsTheAlias(string locale, string screen, string question, string answer)
        => await AnsweredAtAsync(locale, screen, question, answer);

    // "What if I forget something?" in each language: nothing can be recovered once the account is closed, as in English.
    // It once got "I don't know", and in Portuguese the cancel question ("esquecer" read as "esquece", forget it).
    [Theory]
    [InlineData("es-ES", OffboardingSteps.RetrieveData, "¿y si se me olvida algo?", "no se puede recuperar ni la cuenta")]
    [InlineData("fr-FR", OffboardingSteps.RetrieveData, "et si j'oublie quelque chose ?", "ni le compte ni rien")]
    [InlineData("de-DE", OffboardingSteps.RequestClose, "was ist, wenn ich etwas vergessen habe?", "lassen sich weder das Konto")]
    [InlineData("pt-BR", OffboardingSteps.RetrieveData, "e se eu esquecer alguma coisa?", "nem ela nem nada nela")]
    public async Task Question_WhatIfSomethingIsForgotten_NothingCanBeRecovered(string locale, string screen, string question, string answer)
        => (await AnsweredAtAsync(locale, screen, question, answer)).DoesNotSay("Deseja parar");

    [Fact]
    public async Task ForgetIt_InPortuguese_StillAsksWhetherToStop()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, "pt-BR");

        (await chat.Send("esquece, não quero mais")).Says("Deseja parar de encerrar sua conta?");
    }

    // The same verbs still do what they did: "check again" refreshes the list, and how to check for a term commitment is
    // answered at its question.
    [Theory]
    [InlineData("fr-FR", OffboardingSteps.DeleteServers, "vérifier à nouveau", "Vérifié le")]
    [InlineData("pt-BR", OffboardingSteps.DeleteServers, "verifica de novo", "Verificado em")]
    [InlineData("es-ES", OffboardingSteps.DeleteServers, "revisa otra vez", "Comprobado:")]
    [InlineData("es-ES", OffboardingSteps.TermCommitment, "¿cómo lo verifico?", "orden de terminación del servicio")]
    [InlineData("en-US", OffboardingSteps.TermCommitment, "how do I check?", "terminate service order")]
    public async Task CheckingVerbs_NotAboutTheRequest_KeepTheirMeaning(string locale, string screen, string message, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        (await chat.Send(message)).Says(answer).DoesNotSay("help@ctl.io");
    }

    [Theory]
    // Topics with a price of their own keep their questions.
    [InlineData(OffboardingSteps.Overview, "what does a service task cost?", "quoted and billed separately")]
    [InlineData(OffboardingSteps.Overview, "what would a service task for my account cost?", "quoted and billed separately")]
    [InlineData(OffboardingSteps.DeleteServers, "will I be charged after I close?", "billed for as long as they exist")]
    [InlineData(OffboardingSteps.DeleteServices, "how much will the final invoice be?", "I can't tell you the amount here")]
    public async Task Question_AboutAPriceOfItsOwn_KeepsItsTopic(string screen, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        (await ann.Send(question)).Says(answer).DoesNotSay("adds no fee of its own");
    }

    [Fact]
    public async Task Question_WhatClosingCosts_BeforeAnyClosure_IsAnsweredWithoutStartingOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send("is there a fee to close my account?")).Says("adds no fee of its own").DoesNotSay("Shall we start?");
        (await ann.Send("how do I close my account?")).Says("Shall we start?");
    }

    [Fact]
    public async Task Question_BeforeAnyClosure_IsAnsweredWithoutStartingOne()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send("what is a cloud term commitment?")).Says("terminate service order").DoesNotSay("Shall we start?");
    }

    // How to delete what remains, and whether the bot can do it: the instruction names the Control Portal and the API,
    // and these questions got the description of the servers or "I don't know".
    [Theory]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "how do I delete a server?", "I can't delete anything from this chat")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "can you delete them for me?", "I can't delete anything from this chat")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "could you do it for me?", "I can't delete anything from this chat")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "will you delete everything for me?", "I can't delete anything from this chat")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "where is the control portal?", "https://control.ctl.io/")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "what is the API?", "https://www.ctl.io/api-docs/v2/")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "how do I remove a public IP?", "I can't delete anything from this chat")]
    [InlineData("en-US", OffboardingSteps.RetrieveData, "how do I delete my servers?", "I can't delete anything from this chat")]
    [InlineData("de-DE", OffboardingSteps.DeleteServers, "Wie lösche ich einen Server?", "Aus diesem Chat kann ich nichts löschen")]
    [InlineData("de-DE", OffboardingSteps.DeleteServers, "Könnt ihr das für mich machen?", "Aus diesem Chat kann ich nichts löschen")]
    [InlineData("es-ES", OffboardingSteps.DeleteServers, "¿Cómo elimino un servidor?", "Desde este chat no puedo eliminar nada")]
    [InlineData("es-ES", OffboardingSteps.DeleteServices, "¿Pueden borrarlos por mí?", "Desde este chat no puedo eliminar nada")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServers, "Comment supprimer un serveur ?", "Je ne peux rien supprimer depuis ce chat")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServices, "Pouvez-vous le faire pour moi ?", "Je ne peux rien supprimer depuis ce chat")]
    [InlineData("pt-BR", OffboardingSteps.DeleteServers, "Como eu excluo um servidor?", "Não consigo excluir nada por este chat")]
    [InlineData("pt-BR", OffboardingSteps.DeleteServices, "Vocês podem fazer isso por mim?", "Não consigo excluir nada por este chat")]
    // Whether the customer deletes it all themselves, before a closure too: once "I don't know".
    [InlineData("en-US", OffboardingSteps.Overview, "do I have to delete everything myself?", "I can't delete anything from this chat")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "must we remove the services ourselves?", "I can't delete anything from this chat")]
    [InlineData("de-DE", OffboardingSteps.Overview, "muss ich alles selbst löschen?", "Aus diesem Chat kann ich nichts löschen")]
    [InlineData("es-ES", OffboardingSteps.Overview, "¿tengo que borrar todo yo mismo?", "Desde este chat no puedo eliminar nada")]
    [InlineData("fr-FR", OffboardingSteps.Overview, "dois-je tout supprimer moi-même ?", "Je ne peux rien supprimer depuis ce chat")]
    [InlineData("pt-BR", OffboardingSteps.Overview, "tenho que excluir tudo eu mesmo?", "Não consigo excluir nada por este chat")]
    // A service named by its kind is a question about the services; what the request does, however it is worded.
    [InlineData("en-US", OffboardingSteps.DeleteServices, "what's a load balancer pool?", "load balancer pools")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "what is appfog?", "AppFog applications")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServers, "c'est quoi un équilibreur de charge ?", "pools d'équilibreurs de charge")]
    [InlineData("es-ES", OffboardingSteps.DeleteServers, "¿qué son las IP públicas?", "direcciones IP públicas")]
    [InlineData("en-US", OffboardingSteps.DeleteServices, "what exactly happens when I click request?", "Once sent it cannot be undone")]
    // Whether the archived ones count too: once "I can't delete anything from this chat", for the word "delete".
    [InlineData("en-US", OffboardingSteps.DeleteServers, "do I need to delete the archived ones too?", "whether running, stopped, paused or archived")]
    [InlineData("en-US", OffboardingSteps.DeleteServers, "what about the stopped ones, delete those too?", "whether running, stopped, paused or archived")]
    [InlineData("de-DE", OffboardingSteps.DeleteServers, "muss ich die archivierten auch löschen?", "gestoppt, pausiert oder archiviert")]
    [InlineData("es-ES", OffboardingSteps.DeleteServers, "¿tengo que borrar también los archivados?", "en pausa o archivados")]
    [InlineData("fr-FR", OffboardingSteps.DeleteServers, "dois-je supprimer aussi les archivés ?", "en pause ou archivés")]
    [InlineData("pt-BR", OffboardingSteps.DeleteServers, "preciso excluir os arquivados também?", "pausados ou arquivados")]
    public async Task Question_HowToDeleteWhatRemains_IsAnsweredAndAskedAgain(string locale, string screen, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        replies.Says(answer);
        Assert.Equal("expectingInput", (string?)replies.Activities[^1]["inputHint"]);
        // The step's question comes again in the language the question was asked in.
        Assert.StartsWith(locale[..2], (string?)replies.Activities[^1]["locale"] ?? "", StringComparison.Ordinal);
        if (!locale.StartsWith("en", StringComparison.Ordinal)) replies.DoesNotSay(Script.Question(screen));
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    // Whether the request can be undone, asked at step 4 in everyday words: once "I don't know", and "can I take it back
    // later?" saved the place as if it were "remind me later".
    [Theory]
    [InlineData("en-US", "is there a way back?", "Once sent it cannot be undone")]
    [InlineData("en-US", "can I take it back later?", "Once sent it cannot be undone")]
    [InlineData("de-DE", "kann ich das rückgängig machen?", "lässt er sich nicht rückgängig machen")]
    [InlineData("es-ES", "¿puedo deshacerlo?", "no se puede deshacer")]
    [InlineData("es-ES", "¿se puede revertir?", "no se puede deshacer")]
    [InlineData("fr-FR", "est-ce réversible ?", "elle ne peut pas être annulée")]
    [InlineData("pt-BR", "posso desfazer isso?", "ela não pode ser desfeita")]
    [InlineData("pt-BR", "dá para voltar atrás?", "ela não pode ser desfeita")]
    public async Task Question_WhetherTheRequestCanBeUndone_AtStep4_IsAnswered(string locale, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(app.WebChat(), locale);
        var t = ClosureBot.Localization.Locales.Load().For(locale);
        foreach (var text in Script.To(OffboardingSteps.RequestClose)) await chat.Send(text);

        var replies = await chat.Send(question);

        replies.Says(answer).DoesNotSay(t.Format(ClosureBot.Localization.TextId.KbUnknown, "help@ctl.io"))
            .DoesNotSay(t.Format(ClosureBot.Localization.TextId.RemindLater, OffboardingSteps.Describe(t, OffboardingSteps.RequestClose)));
        Assert.Empty(await app.ClosureRequestsAsync());
        // The place stays: the alias still confirms.
        (await chat.Send("ACME")).Says("CLS-");
    }

    // Deleting the account is the closure itself, not a question about deleting servers.
    [Theory]
    [InlineData("how do I delete my account?")]
    [InlineData("can you delete my account for me?")]
    public async Task Question_HowToDeleteTheAccount_StartsTheClosure(string question)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();

        (await ann.Send(question)).Says("Shall we start?").DoesNotSay("I can't delete anything from this chat");
    }

    // Who the sales representative is, and how to reach them, after being sent to sales or at the term commitment:
    // "I don't know" with a Talk to support button, although the bot had just offered Talk to sales.
    [Theory]
    [InlineData("en-US", "who is my sales rep?", "I can't look up who your sales representative is", "Talk to sales")]
    [InlineData("en-US", "how do I contact them?", "I can't look up who your sales representative is", "Talk to sales")]
    [InlineData("de-DE", "Wer ist mein Vertriebsansprechpartner?", "Wer Ihr Vertriebsansprechpartner ist, kann ich hier nicht nachsehen", "Mit dem Vertrieb sprechen")]
    [InlineData("es-ES", "¿Cómo contacto con mi representante de ventas?", "No puedo consultar aquí quién es su representante de ventas", "Hablar con ventas")]
    public async Task Question_AfterBeingSentToSales_AboutTheSalesContact_OffersSales(string locale, string question, string answer, string button)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));
        await ann.Send("yes");
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        (await chat.Send(question)).Says(answer).Offers(button).DoesNotSay("I don't know");
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Question_AtTheTermCommitment_AboutTheSalesContact_IsAnsweredAndAskedAgain()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.TermCommitment));

        var answer = await ann.Send("who is my sales representative?");

        answer.Says("I can't look up who your sales representative is").Asks(Script.Question(OffboardingSteps.TermCommitment));
        Assert.Equal(["Talk to sales", "Yes", "No"], answer.LastButtons);
        // The button opens the sales queue, as the README says.
        var button = answer.Activities.SelectMany(a => a["suggestedActions"]?["actions"]?.AsArray() ?? []).Single(a => (string?)a!["title"] == "Talk to sales")!;
        (await ann.Deliver(ann.Message((string?)button["text"], button["value"]!.DeepClone()))).Says("I've asked our sales team to join this chat");
    }

    // Asked at screen in the customer's language, the question is answered from the knowledge base (not with "I don't
    // know" and its support address), the step's question follows, and nothing is requested.
    private static async Task<Replies> AnsweredAtAsync(string locale, string screen, string question, string answer)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));
        var chat = new ClosureBot.Tests.Localization.LocalizedChat(ann, locale);

        var replies = await chat.Send(question);

        replies.Says(answer).DoesNotSay("help@ctl.io");
        Assert.Equal("expectingInput", (string?)replies.Activities[^1]["inputHint"]);
        Assert.Empty(await app.ClosureRequestsAsync());
        return replies;
    }
}
