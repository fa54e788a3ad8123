using ClosureBot.Offboarding;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels.Teams;

/// <summary>Teams card buttons become <c>messageBack</c> actions, so a click leaves the customer's choice in the chat.</summary>
internal sealed class TeamsReplyShaper : IReplyShaper
{
    public void Shape(ITurnContext context)
    {
        if (!TeamsActivity.IsTeams(context.Activity)) return;
        foreach (var reply in context.BufferedReplies)
            foreach (var card in TeamsCards.AdaptiveCards(reply))
                TeamsCards.AddMessageBack(card);
        context.SerializedReplies = null;
    }
}
