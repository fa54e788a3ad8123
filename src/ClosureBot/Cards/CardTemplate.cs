using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Cards;

// An Adaptive Card template (Adaptive Cards Templating language) parsed and compiled once; Bind is
// cheap and thread-safe, and gives the same card the official adaptivecards-templating 2.3.1 does.
public sealed class CardTemplate
{
    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

    public static CardTemplate Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new CardTemplateException(
                name, $"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
        }

        return Compile(name, node);
    }

    /// <summary>A template from its parsed JSON (e.g. after <see cref="CardStrings"/> put a language's strings in).</summary>
    public static CardTemplate Compile(string name, JsonNode? node)
    {
        if (node is not JsonObject)
        {
            throw new CardTemplateException(name, "the template must be a JSON object (an AdaptiveCard)");
        }

        try
        {
            return new CardTemplate(name, TemplateCompiler.Compile(node));
        }
        catch (FormatException ex)
        {
            throw new CardTemplateException(name, ex.Message, ex);
        }
    }

    public JsonObject Bind(JsonNode? data) => BindValue(CardData.FromNode(data));

    /// <summary>Binds data already read as template values (<see cref="CardData"/>).</summary>
    internal JsonObject BindValue(object? root)
    {
        try
        {
            _root.TryExpand(new BindingScope(root, root, Undefined.Value), out var card);
            return card as JsonObject
                ?? throw new CardTemplateException(Name, "binding produced no card (the root's $when was false or its $data empty)");
        }
        catch (TemplateEvaluationException ex)
        {
            throw new CardTemplateException(Name, ex.Message, ex);
        }
    }

    // One writer per thread, reset for each card: binding runs on every turn.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_output;

    /// <summary>
    /// Binds <paramref name="data"/> straight to UTF-8 JSON text (what <see cref="Bind"/> would produce, serialized
    /// with the app's encoder), without building the card as a tree.
    /// </summary>
    public byte[] BindToUtf8(JsonNode? data) => BindValueToUtf8(CardData.FromNode(data));

    /// <summary>What <see cref="BindToUtf8(JsonNode?)"/> writes, for data already read as template values (<see cref="CardData"/>).</summary>
    internal byte[] BindValueToUtf8(object? root)
    {
        var (buffer, writer) = t_output ??= CreateOutput();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            _root.WriteItems(new BindingScope(root, root, Undefined.Value), writer);
            writer.Flush();
        }
        catch (TemplateEvaluationException ex)
        {
            throw new CardTemplateException(Name, ex.Message, ex);
        }

        if (buffer.WrittenCount == 0 || buffer.WrittenSpan[0] != (byte)'{')
        {
            throw new CardTemplateException(Name, "binding produced no card (the root's $when was false or its $data empty)");
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateOutput()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ProtocolJson.Options.Encoder, SkipValidation = true }));
    }
}
