using ClosureBot.Understanding;

namespace ClosureBot.Tests.Understanding;

public sealed class TroubleReaderTests
{
    [Theory]
    [InlineData("en-US", "the portal won't let me delete a server")]
    [InlineData("en-US", "I'm unable to remove the load balancer")]
    [InlineData("en-US", "I couldn't log in to VA1ACMEWEB01")]
    [InlineData("en-US", "the delete button is greyed out")]
    [InlineData("de-DE", "das Portal lässt mich den Server nicht löschen")]
    [InlineData("de-DE", "ich bekomme eine Fehlermeldung")]
    [InlineData("fr-FR", "j'ai une erreur")]
    [InlineData("es-ES", "me da un error al borrar")]
    [InlineData("fr-FR", "ça ne marche pas")]
    [InlineData("pt-BR", "deu erro ao apagar")]
    [InlineData("pt-BR", "I can't delete it")]
    [InlineData("pt_BR", "não consigo excluir o servidor")]
    [InlineData(" DE-de ", "ich kann die Server nicht löschen")]
    // Refused by the portal: once asked again with the step's buttons.
    [InlineData("en-US", "it says access denied")]
    [InlineData("en-US", "I don't have permission to delete servers")]
    [InlineData("de-DE", "Zugriff verweigert")]
    [InlineData("es-ES", "me sale acceso denegado")]
    [InlineData("fr-FR", "accès refusé")]
    [InlineData("pt-BR", "diz acesso negado")]
    // A resource that will not go.
    [InlineData("en-US", "the load balancer doesn't get deleted")]
    [InlineData("en-US", "two of them won't go away")]
    [InlineData("de-DE", "die Server lassen sich nicht entfernen")]
    [InlineData("es-ES", "los servidores no se eliminan")]
    [InlineData("fr-FR", "les serveurs ne s'effacent pas")]
    [InlineData("pt-BR", "os servidores não foram removidos")]
    public void Says_TheTaskDoesNotWork_IsRead(string locale, string text) => Assert.True(TroubleReader.Says(text, locale));

    // "not yet", a finished task and an unrelated "can't" are not trouble with the step.
    [Theory]
    [InlineData("en-US", "not yet")]
    [InlineData("en-US", "done, no errors")]
    [InlineData("en-US", "all deleted")]
    [InlineData("en-US", "I can't wait to be done")]
    [InlineData("de-DE", "noch nicht")]
    [InlineData("es-ES", "todavía no")]
    [InlineData("fr-FR", "pas encore")]
    [InlineData("pt-BR", "ainda não")]
    [InlineData("en-US", "I can't delete them yet, still copying")]
    [InlineData("de-DE", "ich kann die Server noch nicht löschen")]
    [InlineData("de-DE", "erledigt, keine Fehler")]
    [InlineData("fr-FR", "c'est fait, aucune erreur")]
    [InlineData("fr-FR", "fait, pas d'erreur")]
    [InlineData("en-US", "")]
    // Not yet gone, or gone: no trouble.
    [InlineData("en-US", "they didn't get deleted yet")]
    [InlineData("en-US", "I didn't delete them")]
    [InlineData("de-DE", "der Server wird noch nicht gelöscht")]
    [InlineData("es-ES", "todavía no se borra")]
    [InlineData("pt-BR", "ainda não foi excluído")]
    [InlineData("en-US", "the servers were deleted")]
    // Questions at step 3 in German: the first of them once threw from inside the generated German pattern (an index out
    // of its bounds), and the turn failed with a 500.
    [InlineData("de-DE", "was ist ein Site-to-Site-VPN?")]
    [InlineData("de-DE", "muss ich auch die Object-Storage-Buckets löschen?")]
    [InlineData("de-DE", "kann ich die öffentliche IP behalten?")]
    [InlineData("de-DE", "können wir die Buckets behalten?")]
    [InlineData("de-DE", "sich nicht")]
    [InlineData("de-DE", "sich")]
    public void Says_AnythingElse_IsNotRead(string locale, string text) => Assert.False(TroubleReader.Says(text, locale));
}
