using ClosureBot.Localization;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Understanding;

/// <summary>
/// Everyday ways of agreeing ("passt", "that's right", "fechado") move the closure on, in each language; the same words
/// negated do not.
/// </summary>
public sealed class EverydayYesTests
{
    private static readonly Locales Tables = Locales.Load();

    // Each of these once got "Please answer yes or no" again at "Shall we start?".
    [Theory]
    [InlineData("en-US", "that's right")]
    [InlineData("en-US", "by all means")]
    [InlineData("de-DE", "passt")]
    [InlineData("de-DE", "in Ordnung")]
    [InlineData("de-DE", "genau")]
    [InlineData("es-ES", "perfecto")]
    [InlineData("fr-FR", "ça me va")]
    [InlineData("pt-BR", "fechado")]
    [InlineData("pt-BR", "tá certo")]
    public async Task EverydayYes_AtShallWeStart_StartsTheClosure(string locale, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        (await chat.Send("close my account")).Asks(t[TextId.ShallWeStart]);

        (await chat.Send(answer)).Asks(t[TextId.AskAlias]);
    }

    [Theory]
    [InlineData("en-US", "that's not right")]
    [InlineData("de-DE", "passt nicht")]
    [InlineData("de-DE", "nicht genau")]
    [InlineData("fr-FR", "ça ne me va pas")]
    [InlineData("pt-BR", "não pode")]
    public async Task NegatedYes_AtShallWeStart_DoesNotStart(string locale, string answer)
    {
        await using var app = new BotApplicationFactory();
        var chat = new LocalizedChat(app.WebChat(), locale);
        var t = Tables.For(locale);
        await chat.Send("close my account");

        // The bot answers (asks again, or takes it as not now), and the closure does not go on to the account question.
        var replies = await chat.Send(answer);
        Assert.NotEmpty(replies.Activities);
        replies.DoesNotSay(t[TextId.AskAlias]).DoesNotSay(t[TextId.AskTermCommitment]);
    }
}
