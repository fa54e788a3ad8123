using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ClosureBot.Dialogs;

/// <summary>One entry of the persisted dialog stack.</summary>
/// <remarks>
/// A dialog may keep its state as its own typed object (<see cref="SetValue{T}"/>): then the object stays on the instance
/// from turn to turn while the conversation is cached, and becomes JSON only when the stack is written (straight from
/// the object, without a <see cref="JsonNode"/> tree in between) or when someone asks for <see cref="State"/>.
/// </remarks>
[JsonConverter(typeof(DialogInstanceConverter))]
public sealed class DialogInstance
{
    private JsonObject? _state = [];
    private object? _value;
    private JsonTypeInfo? _valueType;

    /// <summary>Id of the dialog definition.</summary>
    public required string Id { get; init; }

    /// <summary>The definition's <see cref="Dialog.Version"/> when this instance started.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The dialog's own state, as JSON so the stack serializes without knowing dialog types. Asking for it turns a typed
    /// value into JSON, which from then on is the state (changes to the tree are what is kept).
    /// </summary>
    public JsonObject State
    {
        get
        {
            if (_state is null)
            {
                _state = (JsonObject)JsonSerializer.SerializeToNode(_value, _valueType!)!;
                (_value, _valueType) = (null, null);
            }
            return _state;
        }
        set => (_state, _value, _valueType) = (value, null, null);
    }

    /// <summary>Keeps <paramref name="value"/> as the state; it is written as <paramref name="type"/> says.</summary>
    public void SetValue<T>(T value, JsonTypeInfo<T> type) where T : class =>
        (_state, _value, _valueType) = (null, value, type);

    /// <summary>
    /// The state as <typeparamref name="T"/>: the object given to <see cref="SetValue{T}"/> itself (changes to it are
    /// kept), or, for JSON state (read from the store), a new object read from it that is kept as the state from now on.
    /// </summary>
    public T GetValue<T>(JsonTypeInfo<T> type) where T : class, new()
    {
        if (_value is T value) return value;
        var read = State.Deserialize(type) ?? new T();
        SetValue(read, type);
        return read;
    }

    private void WriteState(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_state is not null) _state.WriteTo(writer, options);
        else JsonSerializer.Serialize(writer, _value, _valueType!);
    }

    /// <summary>
    /// Writes <c>{id, version, state}</c> as the stack always was, the state straight from its typed value. Public so that
    /// an app's source-generated JSON for a type that holds a stack can name it.
    /// </summary>
    public sealed class DialogInstanceConverter : JsonConverter<DialogInstance>
    {
        public override DialogInstance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A dialog instance is a JSON object.");
            string? id = null, version = null;
            JsonObject? state = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase)) id = reader.GetString();
                else if (string.Equals(name, "version", StringComparison.OrdinalIgnoreCase)) version = reader.GetString();
                else if (string.Equals(name, "state", StringComparison.OrdinalIgnoreCase))
                    state = reader.TokenType == JsonTokenType.Null ? null
                        : JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive }) as JsonObject
                          ?? throw new JsonException("A dialog instance's state is a JSON object.");
                else reader.Skip();
            }
            if (id is null || version is null) throw new JsonException("A dialog instance needs an id and a version.");
            return new DialogInstance { Id = id, Version = version, State = state ?? [] };
        }

        public override void Write(Utf8JsonWriter writer, DialogInstance value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("id", value.Id);
            writer.WriteString("version", value.Version);
            writer.WritePropertyName("state");
            value.WriteState(writer, options);
            writer.WriteEndObject();
        }
    }
}
