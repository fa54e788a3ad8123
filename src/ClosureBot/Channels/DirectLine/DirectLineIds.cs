using System.Security.Cryptography;

namespace ClosureBot.Channels.DirectLine;

/// <summary>Unguessable ids for conversations and anonymous users (user ids start with <c>dl_</c>, as Direct Line's are).</summary>
public static class DirectLineIds
{
    public static string NewConversationId() => HmacJwt.Base64Url(RandomNumberGenerator.GetBytes(18));

    public static string NewUserId() => "dl_" + HmacJwt.Base64Url(RandomNumberGenerator.GetBytes(18));
}
