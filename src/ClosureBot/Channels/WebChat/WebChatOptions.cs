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

    public bool RequiresAssertion => !string.IsNullOrEmpty(TrustedIssuer);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequiresAssertion && (TrustedIssuerKey?.Length ?? 0) < 32)
            yield return new ValidationResult("WebChat:TrustedIssuerKey must be at least 32 characters when WebChat:TrustedIssuer is set.",
                [nameof(TrustedIssuerKey)]);
    }
}
