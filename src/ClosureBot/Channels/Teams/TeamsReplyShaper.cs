using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels.Teams;

/// <summary>Teams card buttons become <c>messageBack</c> actions, so a click leaves the customer's choice in the chat.</summary>
internal sealed class TeamsReplyShaper(ILogger<TeamsReplyShaper> logger) : IReplyShaper
{
    public void Shape(ITurnContext context)
    {
        if (!TeamsActivity.IsTeams(context.Activity)) return;
        foreach (var reply in context.BufferedReplies)
            foreach (var card in TeamsCards.AdaptiveCards(reply))
            {
                TeamsCards.AddMessageBack(card);
                // The tests keep the demo's cards far below the limit; an account with very many resources could still pass it.
                if (TeamsCards.SizeInBytes(card) is var size and >= TeamsCards.MaxCardBytes)
                    logger.LogWarning("A card of {Size} bytes exceeds the {Limit} bytes Teams may accept", size, TeamsCards.MaxCardBytes);
            }
        context.SerializedReplies = null;
    }
}
