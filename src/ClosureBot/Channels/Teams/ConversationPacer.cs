using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// Keeps the bot's calls to one conversation under Teams' limit (7 per second per conversation, bot-protocol §5.8) by
/// making a call wait for its turn: nothing is dropped. Shared by every Connector call of the process.
/// </summary>
public sealed class ConversationPacer(IOptions<TeamsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly int _limit = Math.Max(1, options.Value.MaxMessagesPerSecondPerConversation);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    /// <summary>Waits until a call to <paramref name="conversationId"/> fits in the window, then counts it.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_sent)
            {
                var now = time.GetUtcNow();
                if (!_sent.TryGetValue(conversationId, out var recent)) _sent[conversationId] = recent = new Queue<DateTimeOffset>();
                while (recent.Count > 0 && recent.Peek() + Window <= now) recent.Dequeue();
                if (recent.Count < _limit)
                {
                    recent.Enqueue(now);
                    if (_sent.Count > 10_000) Forget(now);
                    return;
                }
                wait = recent.Peek() + Window - now;
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, recent) in _sent.ToList())
            if (recent.Count == 0 || recent.Last() + Window <= now) _sent.Remove(key);
    }
}
