using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

internal sealed class LiteralNode(JsonNode? literal) : TemplateNode
{
    public override bool TryExpand(BindingScope scope, out JsonNode? value)
    {
        value = literal?.DeepClone();
        return true;
    }

    public override void ExpandInto(BindingScope scope, JsonArray target)
    {
        if (literal is not null)
        {
            target.Add(literal.DeepClone());
        }
    }
}
