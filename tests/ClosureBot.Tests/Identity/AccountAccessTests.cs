using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Identity;

/// <summary>
/// With <c>Identity:RequireVerified</c>, a guest nobody vouched for can learn the steps and reach support, but sees no
/// account's resources and requests no closure: the bot asks them to sign in.
/// </summary>
public sealed class AccountAccessTests
{
    private static readonly Dictionary<string, string?> RequireVerified = new() { ["Identity:RequireVerified"] = "true" };

    [Fact]
    public async Task Guest_TypesAnAliasWhenVerificationIsRequired_IsAskedToSignInAndSeesNoResources()
    {
        await using var app = new BotApplicationFactory(settings: RequireVerified);
        var guest = app.WebChat();

        (await guest.SendAll(Script.To(OffboardingSteps.Account))).Says(OffboardingTexts.SignInRequired(English.Texts, signInOffered: false));
        var replies = await guest.Send("ACME");

        replies.Says(OffboardingTexts.SignInRequired(English.Texts, signInOffered: false)).DoesNotSay(Script.Question(OffboardingSteps.TermCommitment)).DoesNotSay("VA1ACMEWEB01");
        Assert.Empty(replies.Cards);
        foreach (var answer in Script.HappyPath[3..]) Assert.Empty((await guest.Send(answer)).Cards);
        Assert.Empty(await app.ClosureRequestsAsync());
    }

    [Fact]
    public async Task Guest_AsksForHelpAndSupportWhileAskedToSignIn_GetsBothAndKeepsThePlace()
    {
        await using var app = new BotApplicationFactory(settings: RequireVerified);
        var guest = app.WebChat();
        await guest.SendAll(Script.To(OffboardingSteps.Account));

        (await guest.Send("help")).Says(OffboardingTexts.Help(English.Texts, OffboardingSteps.Account, "")).Says(OffboardingTexts.SignInRequired(English.Texts, signInOffered: false));
        (await guest.Send("talk to support")).Says("You're number 1 in the queue");
        (await guest.Send("cancel")).Says("You've left the queue").Says(OffboardingTexts.SignInRequired(English.Texts, signInOffered: false));
    }

    [Fact]
    public async Task Guest_InDevelopmentWithoutRequirement_StillClosesByTypedAlias()
    {
        await using var app = new BotApplicationFactory();
        var guest = app.WebChat();

        await guest.SendAll(Script.HappyPath);

        var logged = Assert.Single(await app.ClosureRequestsAsync())!;
        Assert.False((bool?)logged["requester"]!["verified"]);
    }
}
