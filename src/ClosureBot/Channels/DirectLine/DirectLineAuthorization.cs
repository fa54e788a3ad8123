using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Reads <c>Authorization: Bearer …</c> and decides: 401 when missing or not ours, 403 when expired (<c>TokenExpired</c>)
/// or for another conversation, 404 when the conversation is unknown.
/// </summary>
public sealed class DirectLineAuthorization(DirectLineTokenService tokens, IDirectLineStore store, IOptions<DirectLineOptions> options)
{
    private readonly byte[]? _secret = string.IsNullOrEmpty(options.Value.Secret) ? null : Encoding.UTF8.GetBytes(options.Value.Secret);

    /// <summary>The caller, or the error to answer with.</summary>
    public (DirectLineCaller? Caller, IResult? Error) Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return (null, DirectLineErrors.MissingToken());
        var credential = header[7..].Trim();
        if (_secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
            return (new DirectLineCaller(true, null), null);
        var check = tokens.Validate(credential);
        return check.Status switch
        {
            TokenCheck.State.Valid => (new DirectLineCaller(false, check.Grant), null),
            TokenCheck.State.Expired => (null, DirectLineErrors.TokenExpired()),
            _ => (null, DirectLineErrors.BadToken()),
        };
    }

    /// <summary>A grant for <paramref name="conversationId"/>: the token's own, or, for the secret, the conversation's user.</summary>
    public async Task<(DirectLineToken? Grant, IResult? Error)> ForConversationAsync(HttpRequest request, string conversationId, CancellationToken ct)
    {
        var (caller, error) = Authenticate(request);
        if (caller is null) return (null, error);
        if (caller.Grant is { } grant && grant.ConversationId != conversationId) return (null, DirectLineErrors.OtherConversation());
        if (await store.FindConversationAsync(conversationId, ct) is not { } conversation) return (null, DirectLineErrors.ConversationNotFound());
        if (!IsOwner(caller.Grant, conversation)) return (null, DirectLineErrors.OtherConversation());
        return (caller.Grant ?? OwnerGrant(conversation), null);
    }

    /// <summary>
    /// Whether <paramref name="grant"/> (null: the secret) still speaks for the conversation's user. A conversation passes
    /// to the person who signs in on it, and the guest's earlier tokens must not read on as the verified person talks.
    /// </summary>
    public static bool IsOwner(DirectLineToken? grant, DirectLineConversation conversation) => grant is null || grant.UserId == conversation.UserId;

    /// <summary>A grant for the conversation's own user, as the secret holder acts on their behalf.</summary>
    public DirectLineToken OwnerGrant(DirectLineConversation conversation) =>
        new(conversation.Id, conversation.UserId, conversation.UserName, [], null, DateTimeOffset.MaxValue);
}
