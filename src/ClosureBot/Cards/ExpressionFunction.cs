namespace ClosureBot.Cards;

internal delegate object? ExpressionFunction(Expr[] arguments, BindingScope scope, bool substitute);
