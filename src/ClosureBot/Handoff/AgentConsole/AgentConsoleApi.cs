using System.Text.Json;
using ClosureBot.Localization;
using ClosureBot.Protocol.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's HTTP API under <c>/agent/api</c>, for signed-in agents only; every call acts for the agent the cookie
/// proves in that request. Reads are GETs; each change is a POST that must carry the anti-forgery token. What staff read
/// (titles of the flow's screens, error messages) is in the browser's language, as the console page is.
/// </summary>
internal static class AgentConsoleApi
{
    public const int MaxMessageLength = 2000;
    public const int MaxNoteLength = 500;

    /// <summary>Largest body of a change (413 beyond): room to spare for the longest message and note with every character escaped, six bytes each.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static void MapAgentConsoleApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/agent/api").RequireAuthorization(AgentAuthentication.Policy);
        api.MapGet("/session", Session);
        api.MapGet("/tickets", async (IHandoffDesk desk, TimeProvider time, CancellationToken ct) =>
            Results.Json(new { now = time.GetUtcNow(), tickets = await desk.ListAsync(ct) }, ConsoleJson.Options));
        api.MapGet("/tickets/{id}", async (string id, HttpContext http, IHandoffDesk desk, Locales locales, CancellationToken ct) =>
        {
            var t = locales.TableOf(http.Request);
            return await desk.FindAsync(id, t, ct) is { } found ? Results.Json(found, ConsoleJson.Options) : NotFound(t);
        });
        // One filter instance (anti-forgery is a singleton); AddEndpointFilter<T> would build T's constructor call from
        // expression trees at start-up, which loads the expression compiler.
        var changes = api.MapGroup("/tickets/{id}")
            .AddEndpointFilter(new AntiforgeryHeaderFilter(endpoints.ServiceProvider.GetRequiredService<IAntiforgery>()));
        changes.MapPost("/accept", AcceptAsync);
        changes.MapPost("/messages", SendAsync);
        changes.MapPost("/hand-back", HandBackAsync);
    }

    private static IResult Session(HttpContext http, IAntiforgery antiforgery, IHandoffDesk desk, IGuidedFlow flow, Locales locales, TimeProvider time) => Results.Json(new
    {
        agent = Agent(http),
        antiforgeryToken = antiforgery.GetAndStoreTokens(http).RequestToken,
        handBackPoints = Titled(desk.HandBackPoints, flow, locales.TableOf(http.Request)),
        facts = Enum.GetValues<VerifiedFact>().Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString())),
        now = time.GetUtcNow(),
    }, ConsoleJson.Options);

    private static IEnumerable<HandBackPoint> Titled(IEnumerable<HandBackPoint> points, IGuidedFlow flow, LocaleTable t) =>
        points.Select(p => p with { Title = p.Screen == HandBackPoint.End ? t.Page("console.endConversation") : flow.ScreenTitle(p.Screen, t) });

    private static async Task<IResult> AcceptAsync(string id, HttpContext http, IHandoffDesk desk, Locales locales, CancellationToken ct)
    {
        var t = locales.TableOf(http.Request);
        var outcome = await desk.AcceptAsync(id, Agent(http), ct);
        var ticket = (await desk.FindAsync(id, ct))?.Ticket;
        return outcome switch
        {
            AcceptOutcome.Accepted => Results.Json(new { outcome, ticket }, ConsoleJson.Options),
            AcceptOutcome.AlreadyTaken => ConsoleJson.Error(StatusCodes.Status409Conflict, "AlreadyTaken",
                ticket?.AgentDisplayName is { } holder ? t.Page("consoleApi.takenBy", holder) : t.Page("consoleApi.takenByAnother")),
            AcceptOutcome.NotWaiting => ConsoleJson.Error(StatusCodes.Status409Conflict, "NotWaiting", t.Page("consoleApi.notWaiting")),
            _ => NotFound(t),
        };
    }

    private static async Task<IResult> SendAsync(string id, HttpContext http, IHandoffDesk desk, Locales locales, CancellationToken ct)
    {
        var t = locales.TableOf(http.Request);
        var (request, tooLarge) = await ReadAsync<SendRequest>(http);
        if (request is null) return tooLarge ? TooLarge(t) : BadBody(t, "{\"text\": \"…\"}");
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
            return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", t.Page("consoleApi.messageLength", MaxMessageLength));
        if (await HeldByAsync(id, http, desk, t, ct) is { } refused) return refused;
        try
        {
            return Results.Json(await desk.SendAsync(id, Agent(http), text, ct), ConsoleJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (Exception ex) when (Refusal(ex, t) is { } refusal)
        {
            return refusal;
        }
    }

    private static async Task<IResult> HandBackAsync(string id, HttpContext http, IHandoffDesk desk, Locales locales, CancellationToken ct)
    {
        var t = locales.TableOf(http.Request);
        var (request, tooLarge) = await ReadAsync<HandBackRequest>(http);
        if (request is null) return tooLarge ? TooLarge(t) : BadBody(t, "{\"resumeAt\": \"…\", \"facts\": [], \"note\": \"…\"}");
        if (desk.HandBackPoints.All(p => p.Screen != request.ResumeAt))
            return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument",
                t.Page("consoleApi.resumeAt", string.Join(", ", desk.HandBackPoints.Select(p => p.Screen))));
        var facts = new List<VerifiedFact>();
        foreach (var name in request.Facts ?? [])
        {
            if (!Enum.TryParse<VerifiedFact>(name, ignoreCase: true, out var fact) || !Enum.IsDefined(fact) || int.TryParse(name, out _))
                return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", t.Page("consoleApi.facts"));
            if (!facts.Contains(fact)) facts.Add(fact);
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > MaxNoteLength)
            return ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", t.Page("consoleApi.noteLength", MaxNoteLength));
        if (await HeldByAsync(id, http, desk, t, ct) is { } refused) return refused;
        try
        {
            await desk.HandBackAsync(id, Agent(http), new HandBack(request.ResumeAt!, facts, note), ct);
        }
        catch (Exception ex) when (Refusal(ex, t) is { } refusal)
        {
            return refusal;
        }
        return Results.NoContent();
    }

    private static async Task<IResult?> HeldByAsync(string id, HttpContext http, IHandoffDesk desk, LocaleTable t, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } found) return NotFound(t);
        var ticket = found.Ticket;
        return ticket.Status == HandoffStatus.Held && string.Equals(ticket.AgentUserName, Agent(http).UserName, StringComparison.OrdinalIgnoreCase)
            ? null : NotHeld(t);
    }

    // The desk's documented refusals (nothing changed): unknown ticket, input it will not take, not the holder.
    private static IResult? Refusal(Exception ex, LocaleTable t) => ex switch
    {
        KeyNotFoundException => NotFound(t),
        ArgumentException => ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", ex.Message),
        InvalidOperationException => NotHeld(t),
        _ => null,
    };

    // The request, or null: too large (413), or not JSON of that shape (400).
    private static async Task<(T? Request, bool TooLarge)> ReadAsync<T>(HttpContext http) where T : class
    {
        if (!http.Request.HasJsonContentType()) return (null, false);
        if (await LimitedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } body) return (null, true);
        try
        {
            return (JsonSerializer.Deserialize<T>(body, ConsoleJson.Options), false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, false);
        }
    }

    // The authorization policy ran for this request, so the cookie's agent is in HttpContext.User.
    private static SupportAgent Agent(HttpContext http) =>
        AgentPrincipal.Of(http.User) ?? throw new InvalidOperationException("A console endpoint ran without a signed-in agent.");

    private static IResult NotFound(LocaleTable t) => ConsoleJson.Error(StatusCodes.Status404NotFound, "NotFound", t.Page("consoleApi.notFound"));

    private static IResult NotHeld(LocaleTable t) =>
        ConsoleJson.Error(StatusCodes.Status409Conflict, "NotHeld", t.Page("consoleApi.notHeld"));

    private static IResult TooLarge(LocaleTable t) =>
        ConsoleJson.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", t.Page("consoleApi.bodySize", MaxBodyBytes));

    private static IResult BadBody(LocaleTable t, string shape) =>
        ConsoleJson.Error(StatusCodes.Status400BadRequest, "BadArgument", t.Page("consoleApi.body", shape));
}
