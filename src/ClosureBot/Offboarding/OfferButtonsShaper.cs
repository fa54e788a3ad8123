using ClosureBot.Channels;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>
/// Web Chat and Teams show the suggested actions of a turn's last message only. A message that offers something
/// ("Talk to support" after an unanswered question or three misses, "Talk to sales") and is followed by the question
/// asked again would offer it out of sight: its buttons move onto the turn's last message, before that message's own.
/// </summary>
internal sealed class OfferButtonsShaper : IReplyShaper
{
    public void Shape(ITurnContext context)
    {
        var replies = context.BufferedReplies;
        var last = -1;
        for (var i = replies.Count - 1; i >= 0 && last < 0; i--)
            if (replies[i].Type == ActivityTypes.Message) last = i;
        if (last <= 0) return;

        List<CardAction>? moved = null;
        for (var i = 0; i < last; i++)
        {
            if (replies[i] is not { Type: ActivityTypes.Message, SuggestedActions.Actions: { Count: > 0 } actions } earlier) continue;
            (moved ??= []).AddRange(actions);
            earlier.SuggestedActions = null;
        }
        if (moved is null) return;

        var target = replies[last];
        var own = target.SuggestedActions?.Actions ?? [];
        moved.RemoveAll(action => own.Exists(o => o.Title == action.Title));
        target.SuggestedActions = new SuggestedActions { To = target.SuggestedActions?.To, Actions = [.. moved, .. own] };
        context.SerializedReplies = null;
    }
}
