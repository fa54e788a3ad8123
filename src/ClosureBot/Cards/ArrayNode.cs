using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

internal sealed class ArrayNode(TemplateNode[] items) : TemplateNode
{
    public override bool TryExpand(BindingScope scope, out JsonNode? value)
    {
        var array = new JsonArray();
        ExpandInto(scope, array);
        value = array;
        return true;
    }

    public override void ExpandInto(BindingScope scope, JsonArray target)
    {
        foreach (var item in items)
        {
            item.ExpandInto(scope, target);
        }
    }
}
