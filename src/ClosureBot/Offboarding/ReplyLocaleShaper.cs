using ClosureBot.Channels;
using ClosureBot.Localization;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>
/// Every reply says which language it is in (<c>locale</c>), so the client reads, speaks and formats it as such: the
/// customer's language, not merely echoed from their activity (a ja-JP customer reads English, and is told so).
/// </summary>
internal sealed class ReplyLocaleShaper : IReplyShaper
{
    public void Shape(ITurnContext context)
    {
        var locale = CustomerLocale.Of(context).ReplyLocale;
        var replies = context.BufferedReplies;
        for (var i = 0; i < replies.Count; i++) replies[i].Locale = locale;
    }
}
