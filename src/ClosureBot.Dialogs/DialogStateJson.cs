using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Dialogs.Prompts;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Dialogs;

/// <summary>
/// How dialogs' typed states are written into the stored dialog stack: as the protocol's options write them (camelCase,
/// nulls left out), from source-generated code for the state types that have it. The options name no encoder, because
/// System.Text.Json runs a type's generated writer only for options without one; the state is written into the stack's
/// own writer, whose encoder escapes its text, so the bytes are the same.
/// </summary>
public static class DialogStateJson
{
    /// <summary>The options for the library's own state types (and any other type, by reflection).</summary>
    public static JsonSerializerOptions Options { get; } = Create(null);

    private static readonly ConditionalWeakTable<IJsonTypeInfoResolver, JsonSerializerOptions> WithStateTypes = new();

    /// <summary>
    /// The options that also know <paramref name="stateTypes"/> (an app's source-generated context for its states), made
    /// once for each context; <see cref="Options"/> for null.
    /// </summary>
    public static JsonSerializerOptions For(IJsonTypeInfoResolver? stateTypes) =>
        stateTypes is null ? Options : WithStateTypes.GetValue(stateTypes, Create);

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver? stateTypes)
    {
        var options = new JsonSerializerOptions(ProtocolJson.Options)
        {
            Encoder = null,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(
                [.. stateTypes is null ? [] : new[] { stateTypes }, DialogStateJsonContext.Default, ProtocolJson.Options.TypeInfoResolver!]),
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Prompt<bool>.PromptState), TypeInfoPropertyName = "ConfirmPromptState")]
[JsonSerializable(typeof(Prompt<ClosureBot.Dialogs.Recognition.FoundChoice>.PromptState), TypeInfoPropertyName = "ChoicePromptState")]
[JsonSerializable(typeof(Prompt<string>.PromptState), TypeInfoPropertyName = "TextPromptState")]
internal sealed partial class DialogStateJsonContext : JsonSerializerContext;
