using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Channels;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>
/// Gives every message the bot sends a <c>speak</c> (what a screen reader or a voice channel says), derived from what the
/// reply shows: its text, then each Adaptive Card's own <c>speak</c> or, failing that, the card's title and text blocks.
/// Markdown is read as words (links by their label), and the result is cut at a sentence end near
/// <see cref="MaxLength"/> characters, so a long card is announced by its gist, not read out whole.
/// </summary>
internal sealed partial class SpeakReplyShaper : IReplyShaper
{
    /// <summary>About twenty seconds of speech.</summary>
    public const int MaxLength = 350;

    public void Shape(ITurnContext context)
    {
        var changed = false;
        var replies = context.BufferedReplies;
        foreach (var reply in replies)
        {
            if (reply.Type != ActivityTypes.Message || !string.IsNullOrWhiteSpace(reply.Speak)) continue;
            var speak = Derive(reply);
            if (speak.Length == 0) continue;
            reply.Speak = speak;
            changed = true;
        }
        // A card whose spoken text ends with the question the next message asks (a prompt under its card) leaves the
        // question to that message: said once, where the customer answers it. The card's own speak stays whole.
        for (var i = 0; i + 1 < replies.Count; i++)
        {
            var (card, next) = (replies[i], replies[i + 1]);
            if (card.Type != ActivityTypes.Message || card.Attachments is not { Count: > 0 } || card.Speak is not { } speak) continue;
            if (next.Type != ActivityTypes.Message || next.Attachments is { Count: > 0 } || next.Speak is not { Length: > 0 } question) continue;
            // Only a whole sentence at the end: "… 5 steps. Shall we start?", never the tail of a longer one.
            if (speak.Length < question.Length + 2 || !speak.EndsWith(question, StringComparison.Ordinal)
                || speak[^(question.Length + 1)] != ' ' || speak[^(question.Length + 2)] is not ('.' or '?' or '!' or ':')) continue;
            card.Speak = speak[..^question.Length].TrimEnd();
            changed = true;
        }
        if (changed) context.SerializedReplies = null;
    }

    /// <summary>What <paramref name="reply"/> should say aloud; empty when it shows nothing to say.</summary>
    public static string Derive(Activity reply)
    {
        var spoken = new StringBuilder();
        Append(spoken, reply.Text);
        foreach (var attachment in reply.Attachments ?? [])
        {
            if (attachment.ContentType != Attachment.AdaptiveCardContentType || attachment.Content is not JsonObject card) continue;
            if ((string?)card["speak"] is { Length: > 0 } own) Append(spoken, own);
            else foreach (var text in TextBlocks(card["body"])) Append(spoken, text);
        }
        return Shorten(spoken.ToString());
    }

    private static void Append(StringBuilder spoken, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var plain = Plain(text);
        if (plain.Length == 0) return;
        if (spoken.Length > 0) spoken.Append(spoken[^1] is '.' or '?' or '!' or ':' ? " " : ". ");
        spoken.Append(plain);
    }

    /// <summary>
    /// <paramref name="text"/> read as words: links by their label, without Markdown's emphasis, list marks and headings,
    /// every run of whitespace one space. Most of what the bot says has none of these, and is only trimmed: the three
    /// patterns are run only on a text with one of the characters they start from (<see cref="MarkupStarts"/>) or two
    /// spaces in a row, which were 0.5 % of the bot's CPU under load when run on every text (forty-eighth measurement).
    /// </summary>
    internal static string Plain(string text) =>
        text.AsSpan().IndexOfAny(MarkupStarts) < 0 && !text.Contains("  ", StringComparison.Ordinal) ? text.Trim() : PlainByPatterns(text);

    /// <summary>What <see cref="Plain"/> gives, by running the patterns whatever the text.</summary>
    internal static string PlainByPatterns(string text) => Whitespace().Replace(Emphasis().Replace(Link().Replace(text, "$1"), ""), " ").Trim();

    /// <summary>
    /// The characters a match of <see cref="Link"/>, <see cref="Emphasis"/> or <see cref="Whitespace"/> must contain: the
    /// marks, and every character the patterns' <c>\s</c> matches but the space (<c>SpeakReplyShaperTests</c> checks this
    /// set against the pattern for every UTF-16 character).
    /// </summary>
    internal static readonly SearchValues<char> MarkupStarts = SearchValues.Create(
        [.. "[*_#-", .. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    // Text blocks in reading order, without descending into actions (button titles are not content).
    private static IEnumerable<string> TextBlocks(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                    foreach (var text in TextBlocks(item)) yield return text;
                break;
            case JsonObject obj when (string?)obj["type"] is "TextBlock" && (string?)obj["text"] is { } text:
                yield return text;
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    if (name is not ("actions" or "selectAction"))
                        foreach (var text in TextBlocks(child)) yield return text;
                break;
        }
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength) return text;
        var cut = text.LastIndexOfAny(['.', '?', '!'], MaxLength - 1);
        if (cut >= MaxLength / 3) return text[..(cut + 1)];
        var space = text.LastIndexOf(' ', MaxLength - 1);
        return string.Concat(text.AsSpan(0, space > 0 ? space : MaxLength - 1), "…");
    }

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^\s*[-*]\s+|^#+\s*", RegexOptions.Multiline)]
    private static partial Regex Emphasis();

    // What becomes one space: a run of two or more, or one that is not a space (a line break, a tab). A single space is
    // left as it is, so a text's ordinary spaces cost no replacement.
    [GeneratedRegex(@"\s{2,}|[^\S ]")]
    private static partial Regex Whitespace();
}
