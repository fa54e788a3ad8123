using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Offboarding;

/// <summary>
/// The JSON of what a turn stores about its conversation (<see cref="ConversationData"/>) and of a customer's saved place
/// (<see cref="SavedProgress"/>), written by source-generated code: every turn writes the state, and through the
/// protocol's options (reflection's metadata and System.Text.Json's generic object writer, which visits every property) it
/// was about 4 % of the bot's CPU under load (forty-seventh measurement). The bytes are those the protocol's options write:
/// System.Text.Json runs a type's generated writer only for options that name no encoder, so the options here name none
/// and the writer they write into escapes with the app's encoder (<see cref="ProtocolJson.Options"/>), as
/// <see cref="ClosureBot.Dialogs.DialogStateJson"/> does for the dialogs' states within it.
/// </summary>
internal static class ConversationDataJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();
    private static readonly JsonTypeInfo<ConversationData> Data = (JsonTypeInfo<ConversationData>)Options.GetTypeInfo(typeof(ConversationData));
    private static readonly JsonTypeInfo<SavedProgress> Progress = (JsonTypeInfo<SavedProgress>)Options.GetTypeInfo(typeof(SavedProgress));

    /// <summary>The state as a turn's commit stores it (UTF-8).</summary>
    public static byte[] Write(ConversationData data) => Written(data, Data).ToArray();

    /// <summary>A state as <see cref="Write"/> stored it.</summary>
    public static ConversationData Read(ReadOnlySpan<byte> state) =>
        JsonSerializer.Deserialize(state, Data) ?? throw new JsonException("A stored conversation is null.");

    /// <summary>A saved place as the saved places' table stores it.</summary>
    public static string Write(SavedProgress progress) => Encoding.UTF8.GetString(Written(progress, Progress));

    /// <summary>A saved place as <see cref="Write(SavedProgress)"/> stored it (null for <c>null</c>).</summary>
    public static SavedProgress? ReadProgress(string json) => JsonSerializer.Deserialize(json, Progress);

    private static ReadOnlySpan<byte> Written<T>(T value, JsonTypeInfo<T> typeInfo) =>
        ThreadJsonWriter.Write((value, typeInfo), static (writer, v) => JsonSerializer.Serialize(writer, v.value, v.typeInfo));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ProtocolJson.Options)
        {
            Encoder = null,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ConversationDataJsonContext.Default, ProtocolJson.Options.TypeInfoResolver!),
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationData))]
[JsonSerializable(typeof(SavedProgress))]
internal sealed partial class ConversationDataJsonContext : JsonSerializerContext;
