using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Dialogs.Prompts;

/// <summary>Asks for free text; a card submit answers through <see cref="PromptOptions.ValueField"/>.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    /// <inheritdoc />
    protected override bool Recognize(ITurnContext context, PromptState state, out string? value)
    {
        var activity = context.Activity;
        value = state.ValueField is { } field && activity.Value is JsonObject submitted
                && submitted[field] is JsonValue v && v.TryGetValue<string>(out var fromCard)
            ? fromCard
            : activity.Text;
        value = value?.Trim();
        if (string.IsNullOrEmpty(value)) return false;
        if (state.AnswerPattern is { } pattern)
            return Regex.IsMatch(value, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        return !IsTypedQuestion(context);
    }
}
