using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff;

/// <summary>
/// Refuses to start with a queue the bot does not know, unreadable hours, an unknown time zone, or a handoff status channel
/// that is no channel id or one whose events could never be honoured.
/// </summary>
internal sealed partial class SupportOptionsValidator : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        var failures = new List<string>();
        if (options.MaxMessageLength is < 1 or > 10_000) failures.Add("Support:MaxMessageLength must be between 1 and 10000.");
        foreach (var (queue, hours) in options.Queues)
        {
            if (queue is not (HandoffQueues.Support or HandoffQueues.Sales))
                failures.Add($"Support:Queues:{queue} is not a queue (known: {HandoffQueues.Support}, {HandoffQueues.Sales}).");
            if (!QueueSchedule.TryParseHours(hours.Hours, out _, out _))
                failures.Add($"Support:Queues:{queue}:Hours must read HH:mm-HH:mm with the start before the end (for example 09:00-17:30).");
            if (!QueueSchedule.TryFindZone(hours.TimeZone, out _))
                failures.Add($"Support:Queues:{queue}:TimeZone \"{hours.TimeZone}\" is not a known time zone.");
            if (hours.Days.Any(d => !Enum.IsDefined(d)))
                failures.Add($"Support:Queues:{queue}:Days lists something that is not a day.");
        }
        for (var i = 0; i < options.HandoffStatusChannels.Count; i++)
        {
            var channel = options.HandoffStatusChannels[i];
            if (channel is null || !ChannelId().IsMatch(channel))
                failures.Add($"Support:HandoffStatusChannels:{i} \"{channel}\" is not a channel id (letters, digits, '.', '_', '-').");
            else if (channel == Protocol.Activities.Channels.Emulator)
                failures.Add($"Support:HandoffStatusChannels:{i} names the Emulator, whose token proves this bot's app and no channel: its events are never honoured.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ChannelId();
}
