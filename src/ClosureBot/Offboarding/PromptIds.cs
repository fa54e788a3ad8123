namespace ClosureBot.Offboarding;

/// <summary>Ids of the prompts the off-boarding dialogs use.</summary>
public static class PromptIds
{
    public const string Confirm = "confirm";
    public const string Choice = "choice";
    public const string Text = "text";
}
