using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Identity;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Serialization;
using ClosureBot.RateLimits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.WebChat;

/// <summary>
/// <c>POST /api/webchat/token</c>: gives the chat page a Direct Line token for its conversation — the one it asks to
/// resume when it belongs to the same user, otherwise a new one. The user is the portal's verified user when a trusted
/// issuer is configured, else the person signed in through OpenID Connect (<see cref="CustomerSignIn"/>), else an
/// anonymous <c>dl_…</c> id kept in a cookie that the app protected itself. An anonymous conversation of this browser passes to the person who signs
/// in on it, and the bot is told so.
/// </summary>
public static partial class WebChatTokenEndpoint
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PortalAssertionValidator>();
        return services;
    }

    /// <summary>Maps the chat page (<see cref="ChatPage"/>, its script and styles static files under <c>wwwroot/</c>) and <c>/api/webchat/token</c>.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.MapChatPage();
        app.UseStaticFiles();
        app.MapWebChatToken();
        return app;
    }

    public static RouteHandlerBuilder MapWebChatToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/webchat/token", IssueAsync).RequireRateLimiting(RateLimitPolicies.TokensPerClient);

    // The protocol's options, refusing a property given twice: of two assertions, the one the bot read and the one a
    // proxy or a log reads could differ.
    private static readonly JsonSerializerOptions RequestJson = new(ProtocolJson.Options) { AllowDuplicateProperties = false };

    private static async Task<IResult> IssueAsync(HttpContext http, IOptions<WebChatOptions> options, PortalAssertionValidator assertions,
        AccountAccess access, IDirectLineStore store, DirectLineTokenService tokens, DirectLineBotBridge bridge, TimeProvider time,
        [FromKeyedServices(RateLimitPolicies.TokensPerUser)] KeyedRateLimiter userLimits, IDataProtectionProvider protection,
        ILogger<WebChatTokenRequest> logger, CancellationToken ct)
    {
        const string BadBody = "The body must be JSON: {conversationId?, assertion?, locale?}.";
        if (!http.Request.HasJsonContentType()) return DirectLineErrors.BadArgument(BadBody);
        if (await LimitedBody.ReadAsync(http.Request, WebChatTokenRequest.MaxBodyBytes, ct) is not { } body)
            return DirectLineErrors.PayloadTooLarge(WebChatTokenRequest.MaxBodyBytes);
        var guestCookie = new GuestCookie(http, options.Value.UserCookieName, protection.CreateProtector(GuestCookie.Purpose));
        WebChatTokenRequest request;
        try
        {
            request = JsonSerializer.Deserialize<WebChatTokenRequest>(body, RequestJson) ?? new WebChatTokenRequest(null, null, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return DirectLineErrors.BadArgument(BadBody);
        }
        if (request.ConversationId?.Length > ActivityLimits.MaxIdLength || request.Locale?.Length > ActivityLimits.MaxNameLength) return DirectLineErrors.BadArgument("The conversationId or locale is too long.");

        PortalUser user;
        var verified = options.Value.RequiresAssertion;
        if (verified)
        {
            if (assertions.Validate(request.Assertion) is not { } portalUser)
                return DirectLineErrors.Error(StatusCodes.Status401Unauthorized, "SignInRequired",
                    "Open the chat from the portal while signed in; its sign-in assertion is missing, invalid or expired.");
            user = portalUser;
        }
        else if (await CustomerSignIn.CurrentAsync(http) is { } signedIn)
        {
            user = new PortalUser(signedIn.UserId, signedIn.Name, signedIn.Accounts, signedIn.Source);
            verified = true;
        }
        else
        {
            user = new PortalUser(guestCookie.UserId(), null, []);
        }
        // An anonymous id is whatever cookie the caller sends; only a proven user is worth a limit of its own.
        if (verified && userLimits.TryAcquire(user.UserId) is { } wait) return RateLimitRefusal.Result(wait);

        var conversation = request.ConversationId is { Length: > 0 } id ? await store.FindConversationAsync(id, ct) : null;
        var resumed = conversation is not null && conversation.UserId == user.UserId;
        // Signing in mid-flow keeps the conversation: this browser's anonymous cookie proves it was theirs.
        var handedOver = !resumed && conversation is not null && user.VerifiedBy == CustomerClaims.Sources.OpenIdConnect
            && guestCookie.ExistingUserId() is { } anonymous && conversation.UserId == anonymous
            && await store.HandOverAsync(conversation.Id, anonymous, user.UserId, user.Name, ct);
        resumed |= handedOver;
        if (!resumed)
        {
            conversation = new DirectLineConversation(DirectLineIds.NewConversationId(), user.UserId, user.Name, request.Locale, false, time.GetUtcNow());
            await store.CreateConversationAsync(conversation, ct);
        }
        logger.LogInformation("Web chat token issued for conversation {ConversationId} (resumed: {Resumed}, verified: {Verified}, handed over: {HandedOver})",
            conversation!.Id, resumed, verified, handedOver);

        var grant = new DirectLineToken(conversation.Id, user.UserId, user.Name, user.Accounts, user.VerifiedBy, time.GetUtcNow().Add(tokens.Lifetime));
        if (handedOver && conversation.Started) await bridge.SignedInAsync(grant, request.Locale ?? conversation.Locale, ct);
        return Results.Json(new
        {
            conversationId = conversation.Id,
            token = tokens.Issue(grant),
            expires_in = (int)tokens.Lifetime.TotalSeconds,
            userId = user.UserId,
            userName = user.Name,
            resumed,
            signIn = SignInState(access, options.Value, user),
        }, ProtocolJson.Options);
    }

    /// <summary>What the page offers: <c>available</c> (a Sign in button), <c>signedIn</c> (Sign out), or null (neither).</summary>
    private static string? SignInState(AccountAccess access, WebChatOptions options, PortalUser user) =>
        !access.SignInEnabled || options.RequiresAssertion ? null
        : user.VerifiedBy == CustomerClaims.Sources.OpenIdConnect ? "signedIn" : "available";

    /// <summary>
    /// A guest's id, kept in a cookie whose value the app protected (Data Protection), so that only an id this app gave
    /// out counts. A plain id would prove nothing: a signed-in customer's id is a hash of the provider's issuer and the
    /// person's subject, which anyone can work out, and a guest naming it would be handed that customer's saved place and
    /// conversations. A cookie that does not unprotect (forged, from another key ring, or a plain id from before) is
    /// replaced by a new id.
    /// </summary>
    private readonly struct GuestCookie(HttpContext http, string name, IDataProtector protector)
    {
        public const string Purpose = "ClosureBot.WebChat.GuestUserId";

        public string? ExistingUserId()
        {
            if (http.Request.Cookies[name] is not { Length: > 0 and <= 512 } value) return null;
            try
            {
                return protector.Unprotect(value) is var userId && UserIdPattern().IsMatch(userId) ? userId : null;
            }
            catch (CryptographicException)
            {
                return null;
            }
        }

        public string UserId()
        {
            if (ExistingUserId() is { } existing) return existing;
            var userId = DirectLineIds.NewUserId();
            http.Response.Cookies.Append(name, protector.Protect(userId), new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(30),
                IsEssential = true,
            });
            return userId;
        }
    }

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex UserIdPattern();
}
