using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>
/// Cold start: from just before the process is started to the reply of its first welcome turn (a Web Chat
/// <c>conversationUpdate</c> adding the user, with <c>expectReplies</c>), polled every 5 ms; the median of several starts.
/// </summary>
public static class ColdStart
{
    public const int Starts = 5;

    /// <summary>
    /// Starts the bot <see cref="Starts"/> times with <paramref name="start"/>; the milliseconds of each start, in order. The
    /// welcome turn carries <paramref name="bearer"/> as its channel token when given.
    /// </summary>
    public static async Task<IReadOnlyList<double>> MeasureAsync(HttpClient http, Func<Task<IBotUnderTest>> start, TimeSpan limit, string? bearer = null)
    {
        var results = new List<double>();
        for (var run = 0; run < Starts; run++)
        {
            LoadStop.ThrowIfRequested();
            await using var bot = await start();
            results.Add(await FirstReplyAsync(http, bot, limit, bearer));
        }
        return results;
    }

    /// <summary>A POST of a JSON activity to <paramref name="messages"/>, with <paramref name="bearer"/> as its channel token when given.</summary>
    public static HttpRequestMessage Post(Uri messages, byte[] body, string? bearer)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, messages) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<double> FirstReplyAsync(HttpClient http, IBotUnderTest bot, TimeSpan limit, string? bearer)
    {
        var conversation = $"cold-{Guid.NewGuid():N}";
        var body = System.Text.Encoding.UTF8.GetBytes($$"""
            {"type":"conversationUpdate","id":"{{conversation}}-0","channelId":"webchat","serviceUrl":"{{ChannelTokenIssuer.ServiceUrl}}","timestamp":"{{DateTimeOffset.UtcNow:O}}",
             "from":{"id":"{{conversation}}-user","name":"Cold Customer","role":"user"},"recipient":{"id":"closurebot","name":"ClosureBot","role":"bot"},
             "conversation":{"id":"{{conversation}}"},"membersAdded":[{"id":"{{conversation}}-user","name":"Cold Customer"}],
             "locale":"en-US","deliveryMode":"expectReplies"}
            """);
        var messages = new Uri(bot.Url, "/api/messages");
        var deadline = bot.StartedAt + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var request = Post(messages, body, bearer);
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && text.Contains("\"activities\":[{", StringComparison.Ordinal))
                    return Stopwatch.GetElapsedTime(bot.StartedAt).TotalMilliseconds;
                if ((int)response.StatusCode is >= 400 and not 503)
                    throw new InvalidOperationException($"The welcome turn was answered with HTTP {(int)response.StatusCode}.");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"No reply to the welcome turn within {limit.TotalSeconds} s of the start.");
    }
}
