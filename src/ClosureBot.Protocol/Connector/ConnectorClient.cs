using System.Net.Http.Json;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Protocol.Connector;

/// <summary>
/// Sends replies to the channel through the Connector REST API: <c>POST {serviceUrl}v3/conversations/{id}/activities/{replyToId}</c>
/// (or <c>…/activities</c> without a reply target). Retries live in the HttpClient's resilience pipeline.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ServiceUrlPolicy serviceUrls) : IReplyTransport
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var results = new List<ResourceResponse>(replies.Count);
        foreach (var reply in replies)
        {
            var serviceUrl = reply.ServiceUrl ?? incoming.ServiceUrl;
            if (!serviceUrls.IsAllowed(serviceUrl))
                throw new InvalidOperationException($"The serviceUrl host of conversation {reply.Conversation?.Id} is not allowed.");
            var baseUrl = serviceUrl!.EndsWith('/') ? serviceUrl : serviceUrl + "/";
            var conversationId = Uri.EscapeDataString(reply.Conversation?.Id ?? incoming.Conversation?.Id ?? "");
            var path = reply.ReplyToId is { Length: > 0 } replyTo
                ? $"v3/conversations/{conversationId}/activities/{Uri.EscapeDataString(replyTo)}"
                : $"v3/conversations/{conversationId}/activities";

            using var response = await http.PostAsJsonAsync(baseUrl + path, reply, ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = response.Content.Headers.ContentLength is > 0
                ? await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false)
                : null;
            results.Add(body ?? new ResourceResponse(""));
        }
        return results;
    }
}
