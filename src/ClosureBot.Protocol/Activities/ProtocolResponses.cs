using System.Text.Json.Nodes;

namespace ClosureBot.Protocol.Activities;

/// <summary>The id a channel assigned to a sent activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of an <c>expectReplies</c> response: every reply of the turn.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The synchronous answer to an <c>invoke</c> activity: HTTP status and body.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null);

/// <summary>Error body shared by the bot endpoint and Direct Line: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail Error)
{
    /// <summary>Builds an error body.</summary>
    public static ErrorResponse Of(string code, string message) => new(new ErrorDetail(code, message));
}

/// <summary>Code and message of an <see cref="ErrorResponse"/>.</summary>
public sealed record ErrorDetail(string Code, string Message);
