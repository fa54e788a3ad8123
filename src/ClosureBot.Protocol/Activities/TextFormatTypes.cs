namespace ClosureBot.Protocol.Activities;

/// <summary>The values of an activity's <c>textFormat</c>: how a channel renders its <c>text</c>.</summary>
public static class TextFormatTypes
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
    public const string Xml = "xml";
}
