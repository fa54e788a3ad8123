using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// A precompiled piece of a template. The official engine expands a value differently depending on
// where it sits: as a property value (undefined drops the property, a repeat yields an array) or
// as an array item (null is dropped, arrays and repeats are spliced into the parent array).
internal abstract class TemplateNode
{
    public abstract bool TryExpand(BindingScope scope, out JsonNode? value);

    public abstract void ExpandInto(BindingScope scope, JsonArray target);

    // The same two expansions written straight to JSON text, for the per-turn path: no output tree is built.
    public abstract bool WriteProperty(BindingScope scope, JsonEncodedText name, Utf8JsonWriter writer);

    public abstract void WriteItems(BindingScope scope, Utf8JsonWriter writer);

    /// <summary>True when nothing the node writes depends on the data it is bound with (no expression in it).</summary>
    public virtual bool IsStatic => false;
}
