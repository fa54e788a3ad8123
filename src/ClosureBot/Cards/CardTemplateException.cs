namespace ClosureBot.Cards;

public sealed class CardTemplateException : Exception
{
    public CardTemplateException(string templateName, string message, Exception? innerException = null)
        : base($"Card template '{templateName}': {message}", innerException)
    {
        TemplateName = templateName;
    }

    public string TemplateName { get; }
}
