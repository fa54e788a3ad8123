using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace ClosureBot.Localization;

/// <summary>
/// An HTML page of the app, written once per language at start-up from a template: <c>{{group.key}}</c> is that text
/// of <c>Tables/xx.pages.json</c>, HTML-encoded; <c>{{lang}}</c> the language (for <c>&lt;html lang&gt;</c>); and
/// <c>{{texts:group}}</c> the group's texts as a JSON object, for the page's script to read from a
/// <c>&lt;script type="application/json"&gt;</c> block (data, not code: a policy without inline scripts still holds).
/// A template naming a text no table has stops the app, naming the page and the text. A request gets the page in its
/// browser's language (<see cref="BrowserLanguage"/>), with an ETag per language, so a revisit costs a 304.
/// </summary>
public sealed partial class LocalizedPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Locales _locales;
    private readonly string _cacheControl;
    private readonly Dictionary<string, (string Html, string ETag)> _byLanguage;

    private LocalizedPage(Locales locales, string cacheControl, Dictionary<string, (string, string)> byLanguage) =>
        (_locales, _cacheControl, _byLanguage) = (locales, cacheControl, byLanguage);

    /// <summary>Writes <paramref name="template"/> (the page <paramref name="name"/>) in every language of <paramref name="locales"/>.</summary>
    /// <param name="cacheControl">The page's <c>Cache-Control</c>: <c>no-cache</c> (revalidate with the ETag) or <c>no-store</c>.</param>
    public static LocalizedPage Compile(string name, string template, Locales locales, string cacheControl)
    {
        var byLanguage = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var t in locales.All)
        {
            var html = Placeholder().Replace(template, m => Fill(name, t, m.Groups[1].Value));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16];
            byLanguage[t.Language] = (html, $"\"{t.Language}-{hash}\"");
        }
        return new LocalizedPage(locales, cacheControl, byLanguage);
    }

    /// <summary>The page as written in <paramref name="t"/>'s language.</summary>
    public string For(LocaleTable t) => _byLanguage[t.Language].Html;

    /// <summary>Answers a GET with the page in the browser's language (or 304 when the browser holds that version).</summary>
    public IResult Serve(HttpContext http)
    {
        var t = _locales.TableOf(http.Request);
        var (html, etag) = _byLanguage[t.Language];
        var headers = http.Response.Headers;
        headers.CacheControl = _cacheControl;
        headers.Vary = "Accept-Language";
        headers.ContentLanguage = t.Language;
        headers.ETag = etag;
        foreach (var value in http.Request.Headers.IfNoneMatch)
            if (value is not null && value.Split(',').Any(tag => tag.Trim() == etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Fill(string page, LocaleTable t, string name)
    {
        if (name == "lang") return t.Language;
        if (name.StartsWith("texts:", StringComparison.Ordinal))
        {
            var prefix = name["texts:".Length..] + ".";
            var group = t.Pages.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value);
            // The default encoder escapes <, >, & and quotes, so the JSON cannot close the script block it sits in.
            return group.Count > 0 ? JsonSerializer.Serialize(group)
                : throw new InvalidOperationException($"Page {page} asks for the texts {prefix[..^1]}, a group Localization/Tables/{t.Language}.pages.json has not.");
        }
        return t.Pages.TryGetValue(name, out var text) ? Html.Encode(text)
            : throw new InvalidOperationException($"Page {page} names the text {name}, which Localization/Tables/{t.Language}.pages.json has not.");
    }

    [GeneratedRegex(@"\{\{([A-Za-z0-9_.:]+)\}\}")]
    private static partial Regex Placeholder();
}
