using ClosureBot.Retention;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// Deletes what the bot keeps of Teams chats once they are old: a conversation reference not refreshed for
/// <see cref="RetentionOptions.IdleConversations"/> (a chat in use refreshes it daily), and a card whose buttons are
/// still live after <see cref="RetentionOptions.Transcripts"/>. A chat with an open closure request keeps both.
/// </summary>
internal sealed class TeamsRetention(TeamsConversationStore store, IOptions<RetentionOptions> options) : IRetentionSweep
{
    private readonly RetentionOptions _options = options.Value;

    public async Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        var (references, cards) = await store.PruneAsync(pass.Now - _options.IdleConversations, pass.Now - _options.Transcripts,
            pass.IsProtected, _options.BatchSize, cancellationToken);
        pass.Count("teamsConversations", references);
        pass.Count("teamsOpenCards", cards);
    }
}
