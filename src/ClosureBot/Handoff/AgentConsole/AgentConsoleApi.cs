using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's HTTP API under <c>/agent/api</c>, for signed-in agents only; every call acts for the agent the cookie
/// proves in that request. Reads are GETs; each change is a POST that must carry the anti-forgery token.
/// </summary>
internal static class AgentConsoleApi
{
    public const int MaxMessageLength = 2000;
    public const int MaxNoteLength = 500;

    public static void MapAgentConsoleApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/agent/api").RequireAuthorization(AgentAuthentication.Policy);
        api.MapGet("/session", Session);
        api.MapGet("/tickets", async (IHandoffDesk desk, TimeProvider time, CancellationToken ct) =>
            Results.Json(new { now = time.GetUtcNow(), tickets = await desk.ListAsync(ct) }, ConsoleJson.Options));
        api.MapGet("/tickets/{id}", async (string id, IHandoffDesk desk, CancellationToken ct) =>
            await desk.FindAsync(id, ct) is { } found ? Results.Json(found, ConsoleJson.Options) : NotFound());
        var changes = api.MapGroup("/tickets/{id}").AddEndpointFilter<AntiforgeryHeaderFilter>();
        changes.MapPost("/accept", AcceptAsync);
        changes.MapPost("/messages", SendAsync);
        changes.MapPost("/hand-back", HandBackAsync);
    }

    private static IResult Session(HttpContext http, IAntiforgery antiforgery, IHandoffDesk desk, TimeProvider time) => Results.Json(new
    {
        agent = Agent(http),
        antiforgeryToken = antiforgery.GetAndStoreTokens(http).RequestToken,
        handBackPoints = desk.HandBackPoints,
        facts = Enum.GetValues<VerifiedFact>().Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString())),
        now = time.GetUtcNow(),
    }, ConsoleJson.Options);

    private static async Task<IResult> AcceptAsync(string id, HttpContext http, IHandoffDesk desk, CancellationToken ct)
    {
        var outcome = await desk.AcceptAsync(id, Agent(http), ct);
        var ticket = (await desk.FindAsync(id, ct))?.Ticket;
        return outcome switch
        {
            AcceptOutcome.Accepted => Results.Json(new { outcome, ticket }, ConsoleJson.Options),
            AcceptOutcome.AlreadyTaken => ConsoleJson.Error(StatusCodes.Status409Conflict, "AlreadyTaken",
                $"Taken by {ticket?.AgentDisplayName ?? "another agent"}."),
            AcceptOutcome.NotWaiting => ConsoleJson.Error(StatusCodes.Status409Conflict, "NotWaiting", "The conversation is no longer waiting."),
            _ => NotFound(),
        };
    }

    private static async Task<IResult> SendAsync(string id, HttpContext http, IHandoffDesk desk, CancellationToken ct)
    {
        if (await ReadAsync<SendRequest>(http) is not { } request) return BadBody("{\"text\": \"…\"}");
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
            return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", $"Write a message of 1 to {MaxMessageLength} characters.");
        if (await HeldByAsync(id, http, desk, ct) is { } refused) return refused;
        try
        {
            return Results.Json(await desk.SendAsync(id, Agent(http), text, ct), ConsoleJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (Exception ex) when (Refusal(ex) is { } refusal)
        {
            return refusal;
        }
    }

    private static async Task<IResult> HandBackAsync(string id, HttpContext http, IHandoffDesk desk, CancellationToken ct)
    {
        if (await ReadAsync<HandBackRequest>(http) is not { } request) return BadBody("{\"resumeAt\": \"…\", \"facts\": [], \"note\": \"…\"}");
        if (desk.HandBackPoints.All(p => p.Screen != request.ResumeAt))
            return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument",
                $"resumeAt must be one of: {string.Join(", ", desk.HandBackPoints.Select(p => p.Screen))}.");
        var facts = new List<VerifiedFact>();
        foreach (var name in request.Facts ?? [])
        {
            if (!Enum.TryParse<VerifiedFact>(name, ignoreCase: true, out var fact) || !Enum.IsDefined(fact) || int.TryParse(name, out _))
                return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "facts may only name known verified facts.");
            if (!facts.Contains(fact)) facts.Add(fact);
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > MaxNoteLength)
            return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", $"The note may have at most {MaxNoteLength} characters.");
        if (await HeldByAsync(id, http, desk, ct) is { } refused) return refused;
        try
        {
            await desk.HandBackAsync(id, Agent(http), new HandBack(request.ResumeAt!, facts, note), ct);
        }
        catch (Exception ex) when (Refusal(ex) is { } refusal)
        {
            return refusal;
        }
        return Results.NoContent();
    }

    private static async Task<IResult?> HeldByAsync(string id, HttpContext http, IHandoffDesk desk, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } found) return NotFound();
        var ticket = found.Ticket;
        return ticket.Status == HandoffStatus.Held && string.Equals(ticket.AgentUserName, Agent(http).UserName, StringComparison.OrdinalIgnoreCase)
            ? null : NotHeld();
    }

    // The desk's documented refusals (nothing changed): unknown ticket, input it will not take, not the holder.
    private static IResult? Refusal(Exception ex) => ex switch
    {
        KeyNotFoundException => NotFound(),
        ArgumentException => ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", ex.Message),
        InvalidOperationException => NotHeld(),
        _ => null,
    };

    private static async Task<T?> ReadAsync<T>(HttpContext http) where T : class
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(ConsoleJson.Options, http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    // The authorization policy ran for this request, so the cookie's agent is in HttpContext.User.
    private static SupportAgent Agent(HttpContext http) =>
        AgentPrincipal.Of(http.User) ?? throw new InvalidOperationException("A console endpoint ran without a signed-in agent.");

    private static IResult NotFound() => ConsoleJson.Error(StatusCodes.Status404NotFound, "NotFound", "No such conversation.");

    private static IResult NotHeld() =>
        ConsoleJson.Error(StatusCodes.Status409Conflict, "NotHeld", "You do not hold this conversation; accept it first. Nothing was done.");

    private static IResult BadBody(string shape) =>
        ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body must be JSON: {shape}.");
}
