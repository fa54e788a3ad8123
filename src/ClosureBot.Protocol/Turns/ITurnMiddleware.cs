namespace ClosureBot.Protocol.Turns;

/// <summary>A step around every turn (logging, duplicate guard, …); it calls the next step to go on.</summary>
public interface ITurnMiddleware
{
    /// <summary>Runs the middleware for one turn.</summary>
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken);
}
