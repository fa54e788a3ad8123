using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Channels.DirectLine;

/// <summary>Configuration section <c>DirectLine</c>: the embedded Direct Line 3.0 service.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Server-side secret for <c>POST /tokens/generate</c> and secret-authorized calls. Empty disables secret access
    /// (the chat page gets its tokens from <c>/api/webchat/token</c> instead). Never sent to a browser.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>HMAC key that signs conversation tokens. Empty: a random key is generated once and kept in the database.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a conversation token is valid; refreshable before it expires.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may wait before the WebSocket connects.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Interval of the empty keep-alive frames on the WebSocket stream.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The bot as it appears in the conversation.</summary>
    [Required]
    public string BotId { get; set; } = "closurebot";

    [Required]
    public string BotName { get; set; } = "ClosureBot";

    // Empty means "not configured"; anything set must be long enough not to be guessed.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secret is { Length: > 0 and < 16 })
            yield return new ValidationResult("DirectLine:Secret must be at least 16 characters (or empty to disable it).", [nameof(Secret)]);
        if (TokenSigningKey is { Length: > 0 and < 32 })
            yield return new ValidationResult("DirectLine:TokenSigningKey must be at least 32 characters (or empty to generate one).", [nameof(TokenSigningKey)]);
    }
}
