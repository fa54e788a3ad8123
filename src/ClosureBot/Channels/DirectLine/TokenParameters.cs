using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Channels.DirectLine;

/// <summary>The optional body of <c>/tokens/generate</c> and <c>/conversations</c>: <c>{user:{id,name}, locale}</c>.</summary>
public sealed record TokenParameters(string? UserId, string? UserName, string? Locale)
{
    public static async Task<TokenParameters?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType()) return new TokenParameters(null, null, null);
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            if (body is null) return new TokenParameters(null, null, null);
            if (body is not JsonObject o) return null;
            return new TokenParameters(Text(o["user"]?["id"]), Text(o["user"]?["name"]), Text(o["locale"]));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
