using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Hosting;

/// <summary>The Bot Framework messaging endpoint (<c>POST /api/messages</c>).</summary>
public static class BotEndpoint
{
    /// <summary>Where channels post activities unless the app maps the endpoint elsewhere.</summary>
    public const string DefaultPattern = "/api/messages";

    /// <summary>Maps the endpoint at <paramref name="pattern"/>.</summary>
    /// <remarks>
    /// A plain <see cref="RequestDelegate"/> that reads the request itself. A handler with parameters would have its
    /// request delegate built at start-up from expression trees (this library has no request delegate generator), which
    /// loads the expression compiler into every instance: about 2.4 MiB resident for nothing a turn needs.
    /// </remarks>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern) =>
        endpoints.MapPost(pattern, HandleAsync);

    private static async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (!options.MessagesEndpointEnabled)
        {
            await WriteErrorAsync(http, StatusCodes.Status404NotFound,
                ErrorResponse.Of("NotFound", "The messaging endpoint is disabled (Bot:MessagesEndpointEnabled)."));
            return;
        }
        if (options.IsLocalDevelopmentMode && !IsLocal(http.Connection))
        {
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized,
                ErrorResponse.Of("Unauthorized", "Without Bot:MicrosoftAppId only callers on this machine may post activities."));
            return;
        }

        var read = await ActivityReader.ReadAsync(http.Request, ct);
        if (read.Activity is not { } activity)
        {
            await WriteErrorAsync(http, read.StatusCode, read.Error!);
            return;
        }

        var authentication = await services.GetRequiredService<IChannelAuthenticator>().AuthenticateAsync(http.Request.Headers.Authorization, activity, ct);
        if (!authentication.Succeeded)
        {
            // The reason is logged by the authenticator; the caller learns nothing about which check failed.
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, ErrorResponse.Of("Unauthorized", "The request is not authorized."));
            return;
        }

        // After authentication, so a stranger cannot spend a real conversation's allowance; never per address, as the
        // channel service posts every conversation from a few.
        if (activity.Conversation?.Id is { Length: > 0 } conversationId
            && services.GetService<IConversationRateLimiter>()?.TryAcquire(activity.ChannelId ?? "", conversationId) is { } wait)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(http, StatusCodes.Status429TooManyRequests,
                ErrorResponse.Of("TooManyRequests", $"Too many activities in this conversation; try again in {seconds} s."));
            return;
        }

        var repliesInBody = activity.ExpectsReplies();
        if (!repliesInBody && !services.GetRequiredService<ServiceUrlPolicy>().IsAllowed(activity.ServiceUrl))
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest,
                ErrorResponse.Of("ServiceUrlNotAllowed", "The activity's serviceUrl is missing or its host is not on the allow-list (Bot:AllowedServiceUrlHosts)."));
            return;
        }

        var transport = repliesInBody ? null : services.GetRequiredService<IReplyTransport>();
        TurnResult result;
        try
        {
            result = await services.GetRequiredService<BotAdapter>().ProcessActivityAsync(activity, transport, ct, channelIdentity: authentication.ChannelIdentity);
        }
        catch (ReplyDeliveryException ex)
        {
            Log(http, ex, activity);
            await WriteErrorAsync(http, StatusCodes.Status502BadGateway,
                ErrorResponse.Of("ReplyDeliveryFailed", "The activity was processed, but the channel did not accept its replies."));
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The bot commits a turn's state before anything is sent, so a turn that failed here changed nothing.
            Log(http, ex, activity);
            await WriteErrorAsync(http, StatusCodes.Status500InternalServerError,
                ErrorResponse.Of("TurnFailed", "The bot could not process this activity; nothing was changed. Please try again."));
            return;
        }

        if (repliesInBody)
        {
            // Serialized up front so the reply goes out with a Content-Length in one write, not as chunks. The turn's
            // replies are already JSON (the outbox stored them): framed in the response buffer, not copied into a new array.
            http.Response.ContentType = "application/json; charset=utf-8";
            if (result.SerializedReplies is { } replies)
            {
                http.Response.ContentLength = ExpectedRepliesStart.Length + replies.Length + 1;
                var writer = http.Response.BodyWriter;
                writer.Write(ExpectedRepliesStart);
                writer.Write(replies);
                writer.Write("}"u8);
                await writer.FlushAsync(ct);
            }
            else
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(result.Replies), ProtocolJson.Options);
                http.Response.ContentLength = body.Length;
                await http.Response.Body.WriteAsync(body, ct);
            }
        }
        else if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = result.InvokeResponse ?? new InvokeResponse(StatusCodes.Status501NotImplemented);
            http.Response.StatusCode = invoke.Status;
            if (invoke.Body is not null) await http.Response.WriteAsJsonAsync(invoke.Body, ProtocolJson.Options, ct);
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    // Kestrel on TCP always knows the peer; no address means an in-process or Unix-socket caller, local by nature.
    private static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    // How ExpectedReplies starts when serialized: its one property, before the array of activities.
    private static ReadOnlySpan<byte> ExpectedRepliesStart => "{\"activities\":"u8;

    private static void Log(HttpContext http, Exception ex, Activity activity) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint))
            .LogError(ex, "The turn for activity {ActivityId} failed", activity.Id);

    /// <summary>Writes a <c>{"error":{"code","message"}}</c> body with <paramref name="status"/>.</summary>
    public static Task WriteErrorAsync(HttpContext http, int status, ErrorResponse error)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(error, ProtocolJson.Options, http.RequestAborted);
    }
}
