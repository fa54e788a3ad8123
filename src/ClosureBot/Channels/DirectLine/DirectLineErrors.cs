using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Channels.DirectLine;

/// <summary>The Direct Line error answers: <c>{"error":{"code","message"}}</c> with the documented status codes.</summary>
public static class DirectLineErrors
{
    public static IResult MissingToken() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <token or secret>'.");

    public static IResult BadToken() => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The token or secret is not valid.");

    public static IResult SecretRequired() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "This operation needs the Direct Line secret.");

    public static IResult TokenExpired() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.");

    public static IResult OtherConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token does not grant access to this conversation.");

    public static IResult ConversationNotFound() => Error(StatusCodes.Status404NotFound, "NotFound", "Unknown conversation.");

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    // In the words of the activity endpoints' 413, so that a body over any limit reads the same.
    public static IResult PayloadTooLarge(int maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body is larger than {maxBytes} bytes.");

    public static IResult BotError() =>
        Error(StatusCodes.Status502BadGateway, "BotError", "The bot failed to process the activity.");

    public static IResult Error(int status, string code, string message) =>
        Results.Json(ErrorResponse.Of(code, message), ProtocolJson.Options, statusCode: status);
}
