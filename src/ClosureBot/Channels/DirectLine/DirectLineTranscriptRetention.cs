using System.Globalization;
using ClosureBot.Retention;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Deletes web chat transcripts (an <see cref="IDirectLineStore"/> conversation and its activities) whose last activity
/// is older than <see cref="RetentionOptions.Transcripts"/>, and drops in-memory state of idle conversations. A
/// transcript goes in a short transaction of its own batch, only if no activity was added since it was read; one with
/// an open closure request, or with a stream connected here, is kept. A client coming back to a deleted conversation
/// is told it is unknown (404) and the chat page starts a new one.
/// </summary>
internal sealed class DirectLineTranscriptRetention(IDirectLineStore store, DirectLineActivityLog log,
    IOptions<RetentionOptions> options) : IRetentionSweep
{
    private readonly RetentionOptions _options = options.Value;

    public async Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        var cutoff = pass.Now - _options.Transcripts;
        long after = 0;
        while (true)
        {
            var (read, batch) = await FindAsync(cutoff, after, pass, cancellationToken);
            if (read.Count == 0) break;
            after = read[^1];
            if (batch.Count == 0) continue;
            var (conversations, activities) = await DeleteAsync(batch, cancellationToken);
            pass.Count("transcripts", conversations);
            pass.Count("transcriptActivities", activities);
        }
        pass.Count("webChatMemoryEntries", log.TrimIdle(pass.Now - _options.InMemoryIdle));
    }

    /// <summary>The next batch of conversations created before the cutoff (cursors read), and those whose last activity is old too.</summary>
    private async Task<(List<long> Read, List<(string Id, long LastSequence)> Old)> FindAsync(DateTimeOffset cutoff, long after, RetentionPass pass,
        CancellationToken ct)
    {
        var read = new List<long>();
        var old = new List<(string, long)>();
        foreach (var candidate in await store.FindTranscriptsCreatedBeforeAsync(cutoff, after, _options.BatchSize, ct))
        {
            read.Add(candidate.Cursor);
            // The conversation's own creation time stands for an empty transcript; an unreadable time counts as recent.
            var lastActivity = candidate.LastSequence is null ? cutoff.AddTicks(-1)
                : DateTimeOffset.TryParse(candidate.LastActivityTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : cutoff;
            if (lastActivity < cutoff && !log.HasSubscribers(candidate.Id) && !pass.IsProtected(candidate.Id))
                old.Add((candidate.Id, candidate.LastSequence ?? 0));
        }
        return (read, old);
    }

    private async Task<(int Conversations, int Activities)> DeleteAsync(List<(string Id, long LastSequence)> batch, CancellationToken ct)
    {
        var (deleted, activities) = await store.DeleteTranscriptsAsync(batch, ct);
        foreach (var id in deleted) log.Forget(id);
        return (deleted.Count, activities);
    }
}
