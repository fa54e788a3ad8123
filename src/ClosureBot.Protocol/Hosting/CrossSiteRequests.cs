using Microsoft.AspNetCore.Http;

namespace ClosureBot.Protocol.Hosting;

/// <summary>
/// Whether a browser sent a request from another site's page, for endpoints that change what a cookie holds: the
/// request names a foreign <c>Origin</c> (including <c>null</c>, a sandboxed or privacy-hidden one), or the browser's
/// <c>Sec-Fetch-Site</c> says it came from elsewhere (<c>cross-site</c>, or <c>same-site</c>: another host of the site).
/// A request with neither is not taken for one: browsers send <c>Origin</c> with every form post.
/// </summary>
public static class CrossSiteRequests
{
    public static bool IsFromAnotherSite(HttpRequest request) =>
        (request.Headers.Origin is [{ } origin] && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        || request.Headers["Sec-Fetch-Site"] is [{ } site] && site is not ("same-origin" or "none");
}
