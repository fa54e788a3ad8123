using System.Text;
using ClosureBot.Protocol.Hosting;
using ClosureBot.RateLimits;

namespace ClosureBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST operations under <c>/v3/directline</c>, as Web Chat and DirectLineJS call them.</summary>
public static class DirectLineEndpoints
{
    public static RouteGroupBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v3/directline");
        group.MapPost("/tokens/generate", GenerateAsync).RequireRateLimiting(RateLimitPolicies.TokensPerClient);
        group.MapPost("/tokens/refresh", RefreshAsync).RequireRateLimiting(RateLimitPolicies.TokensPerClient);
        group.MapPost("/conversations", StartAsync).RequireRateLimiting(RateLimitPolicies.ConversationsPerClient);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireRateLimiting(RateLimitPolicies.ReadsPerConversation);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireRateLimiting(RateLimitPolicies.ReadsPerConversation);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).RequireRateLimiting(RateLimitPolicies.ReadsPerConversation);
        group.Map("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync).RequireRateLimiting(RateLimitPolicies.StreamsPerConversation);
        return group;
    }

    private static async Task<IResult> GenerateAsync(HttpRequest request, DirectLineAuthorization auth, DirectLineTokenService tokens,
        IDirectLineStore store, TimeProvider time, CancellationToken ct)
    {
        var (caller, error) = auth.Authenticate(request);
        if (caller is null) return error!;
        if (!caller.IsSecret) return DirectLineErrors.SecretRequired();
        if (await TokenParameters.ReadAsync(request, ct) is not { } parameters) return DirectLineErrors.BadArgument("The body must be TokenParameters JSON.");
        var grant = await CreateConversationAsync(store, tokens, time, parameters, ct);
        return Results.Json(new { conversationId = grant.ConversationId, token = tokens.Issue(grant), expires_in = Seconds(tokens) });
    }

    private static async Task<IResult> RefreshAsync(HttpRequest request, DirectLineAuthorization auth, DirectLineTokenService tokens,
        IDirectLineStore store, [FromKeyedServices(RateLimitPolicies.TokensPerUser)] KeyedRateLimiter userLimits, CancellationToken ct)
    {
        var (caller, error) = auth.Authenticate(request);
        if (caller is null) return error!;
        if (caller.Grant is not { } grant) return DirectLineErrors.BadArgument("Only a token can be refreshed.");
        if (userLimits.TryAcquire(grant.UserId) is { } wait) return RateLimitRefusal.Result(wait);
        if (await store.FindConversationAsync(grant.ConversationId, ct) is not { } conversation) return DirectLineErrors.ConversationNotFound();
        if (!DirectLineAuthorization.IsOwner(grant, conversation)) return DirectLineErrors.OtherConversation();
        return Results.Json(new { conversationId = grant.ConversationId, token = tokens.Issue(grant), expires_in = Seconds(tokens) });
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineAuthorization auth, DirectLineTokenService tokens,
        IDirectLineStore store, DirectLineBotBridge bridge, TimeProvider time, ILogger<DirectLineBotBridge> logger, CancellationToken ct)
    {
        var (caller, error) = auth.Authenticate(http.Request);
        if (caller is null) return error!;
        if (await TokenParameters.ReadAsync(http.Request, ct) is not { } parameters) return DirectLineErrors.BadArgument("The body must be TokenParameters JSON.");
        var grant = caller.Grant ?? await CreateConversationAsync(store, tokens, time, parameters, ct);
        if (await store.FindConversationAsync(grant.ConversationId, ct) is not { } conversation) return DirectLineErrors.ConversationNotFound();
        if (!DirectLineAuthorization.IsOwner(caller.Grant, conversation)) return DirectLineErrors.OtherConversation();
        var created = !conversation.Started;
        try
        {
            await bridge.StartAsync(grant, parameters.Locale ?? conversation.Locale, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The bot failed to start Direct Line conversation {ConversationId}", grant.ConversationId);
            return DirectLineErrors.BotError();
        }
        var body = ConversationBody(http, tokens, grant, watermark: null);
        return created ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
    }

    private static async Task<IResult> ReconnectAsync(HttpContext http, string conversationId, string? watermark, DirectLineAuthorization auth,
        DirectLineTokenService tokens, DirectLineBotBridge bridge, CancellationToken ct)
    {
        var (grant, error) = await auth.ForConversationAsync(http.Request, conversationId, ct);
        if (grant is null) return error!;
        if (!TryParseWatermark(watermark, out var after)) return DirectLineErrors.BadArgument("The watermark is not one this service issued.");
        // A page reloaded between getting its token and starting still deserves its greeting (this runs once per conversation).
        await bridge.StartAsync(grant, locale: null, CancellationToken.None);
        return Results.Json(ConversationBody(http, tokens, grant, string.IsNullOrEmpty(watermark) ? null : after));
    }

    private static async Task<IResult> GetActivitiesAsync(HttpRequest request, string conversationId, string? watermark, DirectLineAuthorization auth,
        DirectLineActivityLog log, CancellationToken ct)
    {
        var (grant, error) = await auth.ForConversationAsync(request, conversationId, ct);
        if (grant is null) return error!;
        if (!TryParseWatermark(watermark, out var after)) return DirectLineErrors.BadArgument("The watermark is not one this service issued.");
        var (items, next) = await log.ReadAsync(conversationId, after, ct);
        return Results.Text(ActivitySet(items.Select(i => i.Json), next), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> PostActivityAsync(HttpRequest request, string conversationId, DirectLineAuthorization auth,
        DirectLineBotBridge bridge, IConversationRateLimiter limits, ILogger<DirectLineBotBridge> logger, CancellationToken ct)
    {
        var (grant, error) = await auth.ForConversationAsync(request, conversationId, ct);
        if (grant is null) return error!;
        if (limits.TryAcquire("directline", grant.ConversationId) is { } wait) return RateLimitRefusal.Result(wait);
        var read = await ActivityReader.ReadAsync(request, ct);
        if (read.Activity is not { } activity) return DirectLineErrors.Error(read.StatusCode, read.Error!.Error.Code, read.Error.Error.Message);
        try
        {
            // The turn runs to its end even if the client goes away, so state, log and replies stay consistent.
            return Results.Json(new { id = await bridge.PostAsync(grant, activity, CancellationToken.None) });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The bot failed on an activity in Direct Line conversation {ConversationId}", conversationId);
            return DirectLineErrors.BotError();
        }
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, string conversationId, DirectLineAuthorization auth, CancellationToken ct)
    {
        var (grant, error) = await auth.ForConversationAsync(request, conversationId, ct);
        if (grant is null) return error!;
        return DirectLineErrors.Error(StatusCodes.Status400BadRequest, "NotSupported",
            "File upload is not supported by this service; the closure assistant needs no files.");
    }

    /// <summary>An ActivitySet from stored activity JSON; the watermark is always a string.</summary>
    public static string ActivitySet(IEnumerable<string> activities, long? watermark) =>
        "{\"activities\":[" + string.Join(',', activities) + "]" + (watermark is { } w ? ",\"watermark\":\"" + w + "\"" : "") + "}";

    private static async Task<DirectLineToken> CreateConversationAsync(IDirectLineStore store, DirectLineTokenService tokens, TimeProvider time,
        TokenParameters parameters, CancellationToken ct)
    {
        var conversation = new DirectLineConversation(DirectLineIds.NewConversationId(), parameters.UserId ?? DirectLineIds.NewUserId(),
            parameters.UserName, parameters.Locale, false, time.GetUtcNow());
        await store.CreateConversationAsync(conversation, ct);
        return new DirectLineToken(conversation.Id, conversation.UserId, conversation.UserName, [], null, time.GetUtcNow().Add(tokens.Lifetime));
    }

    private static object ConversationBody(HttpContext http, DirectLineTokenService tokens, DirectLineToken grant, long? watermark)
    {
        var request = http.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}/stream"
            + $"?t={tokens.IssueStream(grant.ConversationId)}" + (watermark is { } w ? $"&watermark={w}" : "");
        return new { conversationId = grant.ConversationId, token = tokens.Issue(grant), expires_in = Seconds(tokens), streamUrl };
    }

    private static int Seconds(DirectLineTokenService tokens) => (int)tokens.Lifetime.TotalSeconds;

    /// <summary>Watermarks are the sequence number of the last activity seen; empty means from the start.</summary>
    public static bool TryParseWatermark(string? watermark, out long after)
    {
        after = 0;
        return string.IsNullOrEmpty(watermark) || (long.TryParse(watermark, out after) && after >= 0);
    }
}
