namespace ClosureBot.Cards;

internal sealed record FunctionDefinition(ExpressionFunction Invoke, int MinArguments, int MaxArguments);
