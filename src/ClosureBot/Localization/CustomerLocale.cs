using ClosureBot.Protocol.Turns;

namespace ClosureBot.Localization;

/// <summary>
/// The language and the clock of the customer a turn talks to: the texts to say and how dates are written for them,
/// in their time zone when the channel told it (<c>localTimezone</c>, else the offset of <c>localTimestamp</c>), else in
/// UTC, said as such. Attached to the turn once; read by every part that writes to the customer.
/// </summary>
public sealed class CustomerLocale
{
    private const string Key = "closurebot.customer-locale";

    private readonly TimeZoneInfo? _zone;
    private readonly TimeSpan? _offset;

    internal CustomerLocale(LocaleTable texts, string replyLocale, TimeZoneInfo? zone, TimeSpan? offset)
    {
        Texts = texts;
        ReplyLocale = replyLocale;
        _zone = zone;
        _offset = offset;
    }

    /// <summary>The customer's language.</summary>
    public LocaleTable Texts { get; }

    /// <summary>The <c>locale</c> the bot's replies carry: the customer's own when the bot speaks its language.</summary>
    public string ReplyLocale { get; }

    /// <summary>Whether the customer's time zone is known (otherwise times are in UTC and say so).</summary>
    public bool KnowsTimeZone => _zone is not null || _offset is not null;

    /// <summary>A moment as the customer reads it: their local date and time, or the UTC one followed by "UTC".</summary>
    public string DateTime(DateTimeOffset moment)
    {
        var text = Local(moment).ToString(Texts[TextId.DateTimeFormat], Texts.Culture);
        return KnowsTimeZone ? text : Texts.Format(TextId.UtcSuffix, text);
    }

    /// <summary>The customer's calendar date at <paramref name="moment"/> (UTC's when their zone is unknown).</summary>
    public DateOnly Date(DateTimeOffset moment) => DateOnly.FromDateTime(Local(moment).DateTime);

    /// <summary>The last day of the customer's current month at <paramref name="now"/>: when a final invoice follows.</summary>
    public DateOnly MonthEnd(DateTimeOffset now)
    {
        var today = Date(now);
        return new DateOnly(today.Year, today.Month, System.DateTime.DaysInMonth(today.Year, today.Month));
    }

    /// <summary><paramref name="moment"/> on the customer's clock (UTC when their zone is unknown).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset moment) => Local(moment);

    internal CustomerLocale WithReplyLocale(string replyLocale) => new(Texts, replyLocale, _zone, _offset);

    private DateTimeOffset Local(DateTimeOffset moment) =>
        _zone is not null ? TimeZoneInfo.ConvertTime(moment, _zone) : moment.ToOffset(_offset ?? TimeSpan.Zero);

    /// <summary>The customer locale attached to the turn.</summary>
    public static CustomerLocale Of(ITurnContext context) =>
        context.TurnState.TryGetValue(Key, out var value) ? (CustomerLocale)value
            : throw new InvalidOperationException("No customer locale was attached to this turn.");

    /// <summary>The texts of the turn's customer (short for <c>Of(context).Texts</c>).</summary>
    public static LocaleTable TextsOf(ITurnContext context) => Of(context).Texts;

    /// <summary>Attaches <paramref name="locale"/> to the turn.</summary>
    public static CustomerLocale Attach(ITurnContext context, CustomerLocale locale)
    {
        context.TurnState[Key] = locale;
        return locale;
    }
}
