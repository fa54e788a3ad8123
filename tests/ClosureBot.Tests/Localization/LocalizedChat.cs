using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Localization;

// A Web Chat customer whose browser speaks <locale> from <time zone>: every activity carries them as Web Chat sends them
// (locale, localTimezone, localTimestamp), or leaves them out when null.
public sealed class LocalizedChat(ConversationClient client, string? locale, string? timeZone = null, TimeSpan? offset = null)
{
    public ConversationClient Client => client;

    public string? Locale { get; set; } = locale;

    public Task<Replies> Send(string text) => client.Deliver(Shape(client.Message(text, null)));

    /// <summary>
    /// Walks to <paramref name="screen"/> in this chat's language (the script's English words are read in every language),
    /// so the next message is not the first in a new language, which shows the step again in it.
    /// </summary>
    public async Task WalkTo(string screen)
    {
        foreach (var message in Script.To(screen)) await Send(message);
    }

    public Task<Replies> Click(object data) => client.Deliver(Shape(client.Message(null, JsonSerializer.SerializeToNode(data))));

    private JsonObject Shape(JsonObject activity)
    {
        activity.Remove("locale");
        activity.Remove("localTimezone");
        activity.Remove("localTimestamp");
        if (Locale is not null) activity["locale"] = Locale;
        if (timeZone is not null) activity["localTimezone"] = timeZone;
        if (offset is { } o) activity["localTimestamp"] = BotApplicationFactory.Start.ToOffset(o).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz");
        return activity;
    }
}
