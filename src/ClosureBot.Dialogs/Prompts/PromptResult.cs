namespace ClosureBot.Dialogs.Prompts;

/// <summary>Sentinel results a prompt can end with instead of an answer.</summary>
public static class PromptResult
{
    /// <summary>The customer did not give a recognizable answer within <see cref="PromptOptions.MaxAttempts"/>.</summary>
    public static readonly object Exhausted = new ExhaustedMarker();

    private sealed class ExhaustedMarker
    {
        public override string ToString() => "prompt-exhausted";
    }
}
