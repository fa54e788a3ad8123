using System.Text.Json;
using System.Text.Json.Nodes;

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

    public JsonObject Bind(JsonNode? data)
    {
        var root = JsValue.FromNode(data);
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
}
