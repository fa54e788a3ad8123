using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Cards;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using Microsoft.Extensions.Options;
using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>The support contact card (<c>cards/support.json</c>): shown when nobody answers the queue, so the customer has other ways too.</summary>
public sealed class HandoffCards(CardCatalog catalog, IOptions<SupportOptions> options)
{
    public Activity Contact(LocaleTable t, string text)
    {
        var support = options.Value;
        var data = CardData.From(new { phone = support.Phone, email = support.Email, hours = support.Hours, portalUrl = support.PortalUrl },
            ProtocolJson.Options);
        var card = catalog.Bind("support", t.Language, data);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Speak = card["speak"] is JsonValue speak && speak.TryGetValue<string>(out var s) ? s : null,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
        };
    }
}
