namespace ClosureBot.Channels.Teams;

/// <summary>
/// Inside the Connector client's retry pipeline, so every attempt (a retry after 429 too) waits for its turn in the
/// conversation it addresses (<c>…/v3/conversations/{id}/…</c>).
/// </summary>
internal sealed class ConversationPacingHandler(ConversationPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ConversationOf(request.RequestUri) is { } conversation) await pacer.WaitTurnAsync(conversation, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    internal static string? ConversationOf(Uri? uri)
    {
        if (uri is null) return null;
        var segments = uri.AbsolutePath.Split('/');
        var at = Array.IndexOf(segments, "conversations");
        return at >= 1 && segments[at - 1] == "v3" && at + 1 < segments.Length && segments[at + 1].Length > 0
            ? uri.GetLeftPart(UriPartial.Authority) + "|" + segments[at + 1] : null;
    }
}
