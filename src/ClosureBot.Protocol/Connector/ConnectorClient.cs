using System.Net.Http.Headers;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Protocol.Connector;

/// <summary>
/// Sends replies to the channel through the Connector REST API: <c>POST {serviceUrl}v3/conversations/{id}/activities/{replyToId}</c>
/// (or <c>…/activities</c> without a reply target), with the bot's bearer token when it has an app id. Retries live in
/// the HttpClient's resilience pipeline.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ServiceUrlPolicy serviceUrls, IConnectorCredentials? credentials = null) : IReplyTransport
{
    /// <summary>The name of the <see cref="HttpClient"/> it is given (<see cref="IHttpClientFactory"/>), for its handlers.</summary>
    public const string HttpClientName = nameof(ConnectorClient);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var results = new List<ResourceResponse>(replies.Count);
        foreach (var reply in replies)
        {
            var serviceUrl = reply.ServiceUrl ?? incoming.ServiceUrl;
            if (!serviceUrls.IsAllowed(serviceUrl))
                throw new InvalidOperationException("The reply's serviceUrl is not allowed (Bot:AllowedServiceUrlHosts).");
            var url = ReplyUrl(serviceUrl!, reply.Conversation?.Id ?? incoming.Conversation?.Id, reply.ReplyToId);

            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(reply) };
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            results.Add(await ReadResourceAsync(response, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(""));
        }
        return results;
    }

    /// <summary>
    /// Replaces a message the bot sent earlier (<c>PUT {serviceUrl}v3/conversations/{id}/activities/{activityId}</c>), e.g. a
    /// card whose buttons should no longer be clicked. <paramref name="activity"/> is the complete new message.
    /// </summary>
    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!serviceUrls.IsAllowed(serviceUrl))
            throw new InvalidOperationException("The serviceUrl is not allowed (Bot:AllowedServiceUrlHosts).");
        activity.Id = activityId;
        using var request = new HttpRequestMessage(HttpMethod.Put, ReplyUrl(serviceUrl, conversationId, activityId))
        {
            Content = Body(activity),
        };
        await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadResourceAsync(response, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activityId);
    }

    // An activity as the protocol's options write it (ActivityJson, without the serializer's object writer on every
    // reply), with the media type JsonContent gave it; the length is known, so the body is not sent in chunks.
    private static ByteArrayContent Body(Activity activity) => new(ActivityJson.SerializeToUtf8Bytes(activity))
    {
        Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
    };

    // Every call to the Connector carries the bot's token (none in local development, where no app id is set).
    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credentials is not null && await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    // The id of the message the channel created, needed to update it later; a chunked answer has no Content-Length,
    // so the body is read whenever there is one.
    private static async Task<ResourceResponse?> ReadResourceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is 0) return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ResourceResponse>(text, ProtocolJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>{serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]</c> built as a URI: the ids are
    /// escaped path segments (a <c>/</c>, <c>?</c> or <c>#</c> in them cannot change the path), and the base keeps its
    /// path but may carry no query or fragment.
    /// </summary>
    internal static Uri ReplyUrl(string serviceUrl, string? conversationId, string? replyToId)
    {
        var baseUri = new Uri(serviceUrl, UriKind.Absolute);
        if (baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
            throw new InvalidOperationException("A serviceUrl with a query or fragment is refused.");
        var path = baseUri.AbsolutePath.TrimEnd('/') + "/v3/conversations/" + Segment(conversationId) + "/activities"
            + (replyToId is { Length: > 0 } ? "/" + Segment(replyToId) : "");
        return new Uri(baseUri.GetLeftPart(UriPartial.Authority) + path, UriKind.Absolute);
    }

    // "." and ".." would be dot segments that a URI resolves away, so they are refused rather than escaped.
    private static string Segment(string? id) =>
        id is null or "" or "." or ".." ? throw new InvalidOperationException("A conversation or activity id cannot be a path segment.")
            : Uri.EscapeDataString(id);
}
