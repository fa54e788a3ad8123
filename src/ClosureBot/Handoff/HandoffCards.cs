using System.Text.Json.Nodes;
using ClosureBot.Cards;
using ClosureBot.Protocol.Activities;
using Microsoft.Extensions.Options;
using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>The support contact card (<c>cards/support.json</c>): shown when nobody answers the queue, so the customer has other ways too.</summary>
public sealed class HandoffCards(CardCatalog catalog, IOptions<SupportOptions> options)
{
    public Activity Contact(LocaleTable t, string text)
    {
        var support = options.Value;
        var card = catalog.BindData("support", t.Language, new { phone = support.Phone, email = support.Email, hours = support.Hours, portalUrl = support.PortalUrl });
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Speak = card["speak"] is JsonValue speak && speak.TryGetValue<string>(out var s) ? s : null,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
        };
    }
}
