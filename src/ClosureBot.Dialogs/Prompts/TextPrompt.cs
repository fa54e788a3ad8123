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
        // Linear in the text whatever the pattern, so no time budget is needed: a wall-clock budget also runs out for a
        // short text on a busy machine, and a turn that throws is a failure the customer sees. (The engine caches it.)
        if (state.AnswerPattern is { } pattern)
            return Regex.IsMatch(value, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return !IsTypedQuestion(context);
    }
}
