using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// A precompiled piece of a template. The official engine expands a value differently depending on
// where it sits: as a property value (undefined drops the property, a repeat yields an array) or
// as an array item (null is dropped, arrays and repeats are spliced into the parent array).
internal abstract class TemplateNode
{
    public abstract bool TryExpand(BindingScope scope, out JsonNode? value);

    public abstract void ExpandInto(BindingScope scope, JsonArray target);
}
