using ClosureBot.Localization;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Localization;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary>
/// A customer asks for support while the queue is closed: when the next person is there is said in their language and
/// on their own clock when their browser told its time zone, else in the queue's zone, named.
/// </summary>
public sealed class QueueOpeningTimeTests
{
    [Theory]
    [InlineData("es-MX", "America/Mexico_City", "a partir del lunes 16 de noviembre, 03:00 (su hora local)", "a partir del lunes 16 de noviembre, 03:00 (su hora local)")]
    [InlineData("de-DE", "Europe/Berlin", "ab Montag, 16. November, 10:00 Uhr (Ihre Ortszeit)", "Ab Montag, 16. November, 10:00 Uhr (Ihre Ortszeit)")]
    [InlineData("en-US", "America/New_York", "from Monday 16 November, 04:00 (your time)", "from Monday 16 November, 04:00 (your time)")]
    [InlineData("fr-FR", null, "à partir de lundi 16 novembre à 09:00 (Europe/London)", "à partir de lundi 16 novembre à 09:00 (Europe/London)")]
    [InlineData("pt-BR", null, "a partir de segunda-feira, 16 de novembro, 09:00 (Europe/London)", "a partir de segunda-feira, 16 de novembro, 09:00 (Europe/London)")]
    public async Task TalkToSupport_QueueClosed_OpeningInTheCustomersLanguageAndClock(string locale, string? timeZone, string closedSays, string leftSays)
    {
        await using var app = HandoffTestApp.Create(more: new()
        {
            ["Support:Queues:support:Hours"] = "09:00-17:00",
            ["Support:Queues:support:TimeZone"] = "Europe/London",
            ["Support:Queues:support:Days:0"] = "Monday", ["Support:Queues:support:Days:1"] = "Tuesday", ["Support:Queues:support:Days:2"] = "Wednesday",
            ["Support:Queues:support:Days:3"] = "Thursday", ["Support:Queues:support:Days:4"] = "Friday",
        });
        var chat = new LocalizedChat(app.WebChat(), locale, timeZone);
        foreach (var text in Script.To(OffboardingSteps.RetrieveData)) await chat.Send(text);
        // Friday 13 November 2026, 18:30 in London: closed until Monday 09:00 London time.
        app.Clock!.Advance(new DateTimeOffset(2026, 11, 13, 18, 30, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());

        var closed = await chat.Send("talk to support");
        var left = await chat.Send("Please call me back about the VPN");

        var t = Locales.Load().For(locale);
        closed.Says(t.Format(TextId.OpeningHours, t[TextId.MondayToFriday], "09:00", "17:00", "Europe/London")).Says(closedSays);
        left.Says(leftSays);
    }
}
