using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Offboarding;

/// <summary>Answers the bot does not understand are asked again with the options; the third miss brings an offer of support.</summary>
public sealed class MisunderstandingTests
{
    private const string SupportOffer = "I'm having trouble understanding, sorry. You can pick one of the options, or talk to a person.";

    [Theory]
    [InlineData(OffboardingSteps.Overview, "Shall we start? Please answer yes or no.")]
    [InlineData(OffboardingSteps.RetrieveData, "Choose Done once your data is safe, I need help, or Remind me later.")]
    [InlineData(OffboardingSteps.DeleteServers, "Choose Done when your servers are deleted, or Check again to refresh the list.")]
    [InlineData(OffboardingSteps.DeleteServices, "Choose Done when the services are removed, or Check again to refresh the list.")]
    public async Task Answer_NotUnderstoodThreeTimes_OffersSupportAndAsksAgain(string screen, string retry)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(screen));

        (await ann.Send("banana")).Asks(retry).DoesNotSay(SupportOffer);
        (await ann.Send("purple")).Asks(retry).DoesNotSay(SupportOffer);
        var third = await ann.Send("wibble");

        third.Says(SupportOffer).Offers("Talk to support").Asks(Script.Question(screen));
        // On the question asked again, first: a client shows only the last message's buttons, and the offer's own
        // message (before the step shown again) once carried it out of sight.
        Assert.Equal("Talk to support", third.LastButtons.FirstOrDefault());
        Assert.Single(third.Activities, a => a["suggestedActions"] is not null);
        (await ann.Send(Script.Next(screen))).DoesNotSay(SupportOffer).DoesNotSay(Script.Question(screen));
    }

    [Fact]
    public async Task Answer_NotUnderstood_OffersTheStepsButtons()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));

        (await ann.Send("what?!")).Offers("Done", "I need help", "Remind me later");
    }
}
