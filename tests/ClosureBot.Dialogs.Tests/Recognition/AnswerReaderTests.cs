using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Dialogs.Tests.Recognition;

public sealed class AnswerReaderTests
{
    [Theory]
    [InlineData("let's start", "en", AnswerKind.Yes)]
    [InlineData("Sure, why not", "en", AnswerKind.Yes)]
    [InlineData("n", "en", AnswerKind.No)]
    [InlineData("I don't think so", "en", AnswerKind.No)]
    [InlineData("nooo", "en", AnswerKind.No)]
    [InlineData("I've retrieved my data", "en", AnswerKind.Done)]
    [InlineData("I've copied everything off already", "en", AnswerKind.Done)]
    [InlineData("I deleted them", "en", AnswerKind.Done)]
    [InlineData("yes done", "en", AnswerKind.Done)]
    [InlineData("I have backups already", "en", AnswerKind.Done)]
    [InlineData("\u2705", "en", AnswerKind.Done)]
    [InlineData("\u2714\uFE0F", "de", AnswerKind.Done)]
    [InlineData("we made a backup of everything", "en", AnswerKind.Done)]
    [InlineData("we don't have a backup yet", "en", AnswerKind.NotDone)]
    [InlineData("not yet", "en", AnswerKind.NotDone)]
    [InlineData("I haven't deleted them", "en", AnswerKind.NotDone)]
    [InlineData("ok thanks bye", "en", AnswerKind.Thanks)]
    [InlineData("ya los borré", "es", AnswerKind.Done)]
    [InlineData("todavía no", "es", AnswerKind.NotDone)]
    [InlineData("je n'ai pas fini", "fr", AnswerKind.NotDone)]
    [InlineData("nein, haben wir nicht", "de", AnswerKind.No)]
    [InlineData("claro que não", "pt", AnswerKind.No)]
    [InlineData("obrigado, tchau", "pt", AnswerKind.Thanks)]
    public void Read_CustomersWords_ReadsTheirKind(string text, string locale, AnswerKind expected) =>
        Assert.Equal(expected, AnswerReader.Read(text, locale));

    // Data kept in the customer's own words, as English had them ("downloaded", "saved", "transferred"): once read as
    // nothing in the other languages, so step 1 asked again.
    [Theory]
    [InlineData("ya descargué todo", "es")]
    [InlineData("hice la copia de seguridad", "es")]
    [InlineData("ya guardé los datos", "es")]
    [InlineData("hemos transferido los datos", "es")]
    [InlineData("j'ai tout téléchargé", "fr")]
    [InlineData("j'ai transféré les données", "fr")]
    [InlineData("j'ai tout copié", "fr")]
    [InlineData("données exportées", "fr")]
    [InlineData("ich habe alles heruntergeladen", "de")]
    [InlineData("alles gespeichert", "de")]
    [InlineData("wir haben die Daten übertragen", "de")]
    [InlineData("Daten exportiert", "de")]
    [InlineData("já baixei tudo", "pt")]
    [InlineData("já salvei tudo", "pt")]
    [InlineData("já transferi os dados", "pt")]
    [InlineData("fiz o backup", "pt")]
    public void Read_DataKeptInTheCustomersWords_IsDone(string text, string locale) =>
        Assert.Equal(AnswerKind.Done, AnswerReader.Read(text, locale));

    // The same verbs still to do, or under way, are not done; nor is the bare German infinitive "übertragen", nor a French
    // present tense or noun without the participle's accent.
    [Theory]
    [InlineData("todavía no descargué nada", "es", AnswerKind.NotDone)]
    [InlineData("je n'ai pas encore téléchargé", "fr", AnswerKind.NotDone)]
    [InlineData("ich muss die Daten noch übertragen", "de", AnswerKind.NotDone)]
    [InlineData("ainda não baixei", "pt", AnswerKind.NotDone)]
    [InlineData("je télécharge les fichiers", "fr", AnswerKind.None)]
    [InlineData("je fais une copie", "fr", AnswerKind.None)]
    [InlineData("j'exporte les données", "fr", AnswerKind.None)]
    [InlineData("estou transferindo os dados", "pt", AnswerKind.NotDone)]
    public void Read_DataStillToKeep_IsNotDone(string text, string locale, AnswerKind expected) =>
        Assert.Equal(expected, AnswerReader.Read(text, locale));

    // A negation that only says nothing went wrong is no "not done": "done, no errors" once read as not done.
    [Theory]
    [InlineData("done, no errors", "en", AnswerKind.Done)]
    [InlineData("all deleted, no problems", "en", AnswerKind.Done)]
    [InlineData("deleted them all without any issues", "en", AnswerKind.Done)]
    [InlineData("erledigt, keine Fehler", "de", AnswerKind.Done)]
    [InlineData("c'est fait, aucune erreur", "fr", AnswerKind.Done)]
    [InlineData("hecho, sin problemas", "es", AnswerKind.Done)]
    [InlineData("feito, sem erros", "pt", AnswerKind.Done)]
    [InlineData("no errors, but not done yet", "en", AnswerKind.NotDone)]
    [InlineData("no errors so far", "en", AnswerKind.None)]
    public void Read_NothingWentWrong_IsNoNegation(string text, string locale, AnswerKind expected) =>
        Assert.Equal(expected, AnswerReader.Read(text, locale));

    // Under way, or to finish later, is not done yet, whatever "finish" or "done" it holds.
    [Theory]
    [InlineData("I'm waiting for the backup to finish", "en", AnswerKind.NotDone)]
    [InlineData("the transfer will finish tonight", "en", AnswerKind.NotDone)]
    [InlineData("it'll be done in an hour", "en", AnswerKind.NotDone)]
    [InlineData("halfway done", "en", AnswerKind.NotDone)]
    [InlineData("done soon", "en", AnswerKind.NotDone)]
    [InlineData("I need to check with my boss first", "en", AnswerKind.NotDone)]
    [InlineData("à bientôt", "fr", AnswerKind.Thanks)]
    [InlineData("hasta pronto", "es", AnswerKind.Thanks)]
    [InlineData("my colleague is deleting them", "en", AnswerKind.NotDone)]
    [InlineData("the servers are being deleted", "en", AnswerKind.NotDone)]
    [InlineData("gleich fertig", "de", AnswerKind.NotDone)]
    [InlineData("die Sicherung läuft noch", "de", AnswerKind.NotDone)]
    [InlineData("die Server werden gerade gelöscht", "de", AnswerKind.NotDone)]
    [InlineData("la copia está en curso", "es", AnswerKind.NotDone)]
    [InlineData("se están borrando", "es", AnswerKind.NotDone)]
    [InlineData("la copie est en cours", "fr", AnswerKind.NotDone)]
    [InlineData("está em andamento", "pt", AnswerKind.NotDone)]
    [InlineData("estou copiando ainda", "pt", AnswerKind.NotDone)]
    // A minute or a second asked for: once asked again in Portuguese ("só um minuto"), not "No rush".
    [InlineData("só um minuto", "pt", AnswerKind.NotDone)]
    [InlineData("um segundo", "pt", AnswerKind.NotDone)]
    [InlineData("un minuto", "es", AnswerKind.NotDone)]
    [InlineData("un segundo, por favor", "es", AnswerKind.NotDone)]
    [InlineData("une seconde", "fr", AnswerKind.NotDone)]
    [InlineData("I'm not ready", "en", AnswerKind.NotDone)]
    [InlineData("not ready yet", "en", AnswerKind.NotDone)]
    // Done stays done where the words describe the servers, not the work.
    [InlineData("I deleted the running servers", "en", AnswerKind.Done)]
    [InlineData("j'ai supprimé les serveurs en cours d'exécution", "fr", AnswerKind.Done)]
    [InlineData("I finished copying", "en", AnswerKind.Done)]
    public void Read_UnderWayOrLater_IsNotDone(string text, string locale, AnswerKind expected) =>
        Assert.Equal(expected, AnswerReader.Read(text, locale));

    // The short everyday yeses count only as the whole message: inside a sentence they say something else.
    [Theory]
    [InlineData("right", "en", AnswerKind.Yes)]
    [InlineData("fine!", "en", AnswerKind.Yes)]
    [InlineData("gut", "de", AnswerKind.Yes)]
    [InlineData("bueno", "es", AnswerKind.Yes)]
    [InlineData("pode", "pt", AnswerKind.Yes)]
    [InlineData("right after lunch", "en", AnswerKind.None)]
    [InlineData("fine print first", "en", AnswerKind.None)]
    [InlineData("gut zu wissen", "de", AnswerKind.None)]
    [InlineData("bueno saberlo", "es", AnswerKind.None)]
    [InlineData("pode me explicar", "pt", AnswerKind.None)]
    public void Read_ShortYes_CountsOnlyAlone(string text, string locale, AnswerKind expected) =>
        Assert.Equal(expected, AnswerReader.Read(text, locale));

    [Theory]
    [InlineData("I'm not sure", "en")]
    [InlineData("maybe", "en")]
    [InlineData("yes and no", "en")]
    [InlineData("quizás", "es")]
    [InlineData("vielleicht", "de")]
    // "Really", "for real", "a real person": the word for "true" in them says no yes.
    [InlineData("estou falando com uma pessoa de verdade?", "pt")]
    [InlineData("de verdade?", "pt")]
    [InlineData("¿de verdad?", "es")]
    [InlineData("¿hablo con una persona de verdad?", "es")]
    [InlineData("for real?", "en")]
    public void Read_HedgeOrBothWays_ReadsNone(string text, string locale) => Assert.Equal(AnswerKind.None, AnswerReader.Read(text, locale));

    [Theory]
    [InlineData("not done")]
    [InlineData("almost done")]
    [InlineData("no, not finished")]
    [InlineData("I'm not done yet but yes")]
    [InlineData("done? no")]
    public void Read_AnyNegation_NeverAffirmative(string text) =>
        Assert.DoesNotContain(AnswerReader.Read(text, "en"), new[] { AnswerKind.Yes, AnswerKind.Done });

    [Fact]
    public void Read_OverLongText_ReadsNone() => Assert.Equal(AnswerKind.None, AnswerReader.Read("done " + new string('x', AnswerReader.MaxLength), "en"));
}
