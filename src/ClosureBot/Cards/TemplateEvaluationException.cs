namespace ClosureBot.Cards;

// An expression failed at bind time; CardTemplate wraps it with the template's name.
internal sealed class TemplateEvaluationException(string message) : Exception(message);
