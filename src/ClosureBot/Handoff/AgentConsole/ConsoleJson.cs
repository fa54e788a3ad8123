using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>The console's JSON (API and hub alike): camelCase, enums as camelCase strings.</summary>
internal static class ConsoleJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, Options, statusCode: status);
}
