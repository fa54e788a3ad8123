using Microsoft.AspNetCore.Antiforgery;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>Refuses a console API call without the page's anti-forgery token (<c>RequestVerificationToken</c> header): 403, nothing done.</summary>
internal sealed class AntiforgeryHeaderFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return ConsoleJson.Error(StatusCodes.Status403Forbidden, "Forbidden",
                "The request lacks the console page's anti-forgery token (or came from another site); nothing was done.");
        }
        return await next(context);
    }
}
