namespace ClosureBot.Protocol.Turns;

/// <summary>The bot's logic for one turn.</summary>
public interface IBot
{
    /// <summary>Handles the turn's activity; replies go through <paramref name="turnContext"/>.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
