using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Identity;

/// <summary>
/// Configuration section <c>Identity</c>: who may act for an account, and the OpenID Connect provider customers of
/// the public web chat sign in with.
/// </summary>
public sealed class CustomerIdentityOptions : IValidatableObject
{
    public const string SectionName = "Identity";

    /// <summary>The OpenID Connect provider (issuer URL). Empty: the web chat offers no sign-in.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Keep it out of <c>appsettings.json</c> (environment or user-secrets).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim of the provider's ID token (or user info) that lists the account aliases the person may administer.</summary>
    [Required]
    public string AccountsClaim { get; set; } = "accounts";

    /// <summary>The scopes asked for at sign-in, space-separated; add the one under which the provider releases the accounts claim.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>
    /// Whether only verified customers see an account's resources and request its closure. Unset: true, except in
    /// the Development environment, where typed aliases keep working and every card says "not verified".
    /// </summary>
    public bool? RequireVerified { get; set; }

    public bool SignInEnabled => !string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Authority)) yield break;
        if (string.IsNullOrEmpty(ClientId))
            yield return new ValidationResult("Identity:ClientId is required when Identity:Authority is set.", [nameof(ClientId)]);
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            yield return new ValidationResult("Identity:Authority must be an https URL (plain http only on this machine's loopback).", [nameof(Authority)]);
    }
}
