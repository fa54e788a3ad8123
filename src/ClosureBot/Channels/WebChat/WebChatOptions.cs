using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Channels.WebChat;

/// <summary>
/// Configuration section <c>WebChat</c>: the chat page's token endpoint. With <see cref="TrustedIssuer"/> set, the page
/// must pass the provider portal's signed assertion of the signed-in user; without it, users are anonymous.
/// </summary>
public sealed class WebChatOptions : IValidatableObject
{
    public const string SectionName = "WebChat";

    /// <summary>The <c>iss</c> of the portal's assertions (HS256 JWTs with <c>sub</c>, <c>name</c>, <c>account</c>, <c>exp</c>).</summary>
    public string? TrustedIssuer { get; set; }

    /// <summary>The HMAC key shared with the trusted issuer.</summary>
    public string? TrustedIssuerKey { get; set; }

    /// <summary>Cookie that keeps an anonymous browser's user id, so the same browser resumes its conversation.</summary>
    [Required]
    public string UserCookieName { get; set; } = "closurebot_webchat_user";

    /// <summary>
    /// Origins (<c>https://portal.example.com</c>) that may show the chat page in a frame, besides the bot's own: the
    /// provider's portal when it embeds the chat. Empty: no other site may frame it.
    /// </summary>
    public List<string> FrameAncestors { get; set; } = [];

    public bool RequiresAssertion => !string.IsNullOrEmpty(TrustedIssuer);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequiresAssertion && (TrustedIssuerKey?.Length ?? 0) < 32)
            yield return new ValidationResult("WebChat:TrustedIssuerKey must be at least 32 characters when WebChat:TrustedIssuer is set.",
                [nameof(TrustedIssuerKey)]);
        for (var i = 0; i < FrameAncestors.Count; i++)
        {
            // An origin alone (it goes into a Content-Security-Policy header): scheme, host and port, nothing else.
            if (!Uri.TryCreate(FrameAncestors[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.GetLeftPart(UriPartial.Authority) != FrameAncestors[i].TrimEnd('/'))
                yield return new ValidationResult($"WebChat:FrameAncestors:{i} must be an origin such as https://portal.example.com.", [nameof(FrameAncestors)]);
        }
    }

    /// <summary>
    /// The chat page's Content-Security-Policy: images only from the page's own origin (a reply can never make the browser
    /// fetch from elsewhere), no plug-ins, no other base URL, and framed only by the bot's own pages and <see cref="FrameAncestors"/>.
    /// </summary>
    public string ChatPagePolicy() =>
        "img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
        + string.Concat(FrameAncestors.Select(origin => " " + origin.TrimEnd('/')));
}
