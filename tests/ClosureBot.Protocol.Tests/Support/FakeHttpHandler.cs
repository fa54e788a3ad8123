using System.Net;

namespace ClosureBot.Protocol.Tests.Support;

/// <summary>Answers HTTP requests from a script and records what was sent (method, URI, body) per attempt.</summary>
public sealed class FakeHttpHandler(Func<int, HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<(HttpMethod Method, Uri Uri, string Body)> _requests = [];

    /// <summary>A handler answering every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static FakeHttpHandler Always(HttpStatusCode status, string? body = null) =>
        new((_, _) => Response(status, body));

    /// <summary>A JSON response.</summary>
    public static HttpResponseMessage Response(HttpStatusCode status, string? body = null) =>
        new(status) { Content = body is null ? new ByteArrayContent([]) : new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    /// <summary>Requests received so far, in order.</summary>
    public IReadOnlyList<(HttpMethod Method, Uri Uri, string Body)> Requests
    {
        get { lock (_gate) return _requests.ToList(); }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        int attempt;
        lock (_gate)
        {
            _requests.Add((request.Method, request.RequestUri!, body));
            attempt = _requests.Count;
        }
        var response = respond(attempt, request);
        response.RequestMessage = request;
        return response;
    }
}
