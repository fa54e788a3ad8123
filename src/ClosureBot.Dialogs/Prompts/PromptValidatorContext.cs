using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>What a prompt validator sees.</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, bool succeeded, T? value, int attempts)
{
    /// <summary>The current turn.</summary>
    public ITurnContext Context { get; } = context;

    /// <summary>Whether the recognizer found a value.</summary>
    public bool Succeeded { get; } = succeeded;

    /// <summary>The recognized value.</summary>
    public T? Value { get; } = value;

    /// <summary>How many answers were given so far, this one included.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>Set by the validator to replace the standard retry text for this attempt.</summary>
    public string? RetryText { get; set; }
}

/// <summary>Accepts or rejects a recognized answer.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);
