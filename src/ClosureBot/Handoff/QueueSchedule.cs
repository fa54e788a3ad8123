using System.Globalization;
using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>A queue's opening hours, read from <see cref="HandoffQueueOptions"/>: whether it is open, and when it opens next.</summary>
public sealed class QueueSchedule
{
    private readonly string? _configuredName;
    private readonly TimeOnly _opens;
    private readonly TimeSpan _length;
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;

    public QueueSchedule(string queue, HandoffQueueOptions options)
    {
        Queue = queue;
        DisplayName = options.DisplayName ?? queue;
        _configuredName = options.DisplayName;
        if (!TryParseHours(options.Hours, out _opens, out _length)) throw new ArgumentException($"Unreadable hours for queue {queue}.", nameof(options));
        if (!TryFindZone(options.TimeZone, out _zone!)) throw new ArgumentException($"Unknown time zone for queue {queue}.", nameof(options));
        _days = options.Days.Length == 0 ? [.. Enum.GetValues<DayOfWeek>()] : [.. options.Days];
        AlwaysOpen = _days.Count == 7 && _length == TimeSpan.FromDays(1);
    }

    public string Queue { get; }

    public string DisplayName { get; }

    public bool AlwaysOpen { get; }

    public bool IsOpen(DateTimeOffset now)
    {
        if (AlwaysOpen) return true;
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        // Hours never run past midnight (the end is at most 24:00), so today's opening is the only one to check.
        var start = local.Date + _opens.ToTimeSpan();
        return _days.Contains(local.DayOfWeek) && local.DateTime >= start && local.DateTime < start + _length;
    }

    /// <summary>The next time the queue opens after <paramref name="now"/> (now itself when it is open), in the queue's time zone.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now)) return TimeZoneInfo.ConvertTime(now, _zone);
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (!_days.Contains(date.DayOfWeek)) continue;
            var start = date + _opens.ToTimeSpan();
            if (start <= local.DateTime) continue;
            return new DateTimeOffset(start, _zone.GetUtcOffset(start));
        }
        throw new InvalidOperationException($"Queue {Queue} never opens.");
    }

    /// <summary>The team's name as the customer reads it: the configured one, else the queue's in their language.</summary>
    public string Name(LocaleTable t) => _configuredName ?? Queue switch
    {
        "support" => t[TextId.QueueSupport],
        "sales" => t[TextId.QueueSales],
        _ => Queue,
    };

    /// <summary>"Monday to Friday, 09:00–17:00 (Europe/London)", in the customer's language.</summary>
    public string Describe(LocaleTable t)
    {
        if (AlwaysOpen) return t[TextId.AroundTheClock];
        var days = _days.Count == 7 ? t[TextId.EveryDay]
            : _days.SetEquals([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]) ? t[TextId.MondayToFriday]
            : string.Join(", ", Enum.GetValues<DayOfWeek>().Where(_days.Contains).Select(t.Culture.DateTimeFormat.GetDayName));
        var end = _opens.ToTimeSpan() + _length;
        return t.Format(TextId.OpeningHours, days, _opens.ToString("HH:mm", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{(int)end.TotalHours:00}:{end.Minutes:00}"), _zone.Id);
    }

    /// <summary>
    /// When the queue opens, as the customer reads it: in their language and, when their channel told their time zone, in
    /// their local time, said as such ("Monday 16 November, 10:00 (your time)"); otherwise in the queue's zone, named
    /// ("Monday 16 November, 09:00 (Europe/London)").
    /// </summary>
    public string DescribeOpening(CustomerLocale customer, DateTimeOffset opening)
    {
        var t = customer.Texts;
        return customer.KnowsTimeZone
            ? t.Format(TextId.OpeningAtLocal, customer.ToLocal(opening).ToString(t[TextId.OpeningFormat], t.Culture))
            : t.Format(TextId.OpeningAt, TimeZoneInfo.ConvertTime(opening, _zone).ToString(t[TextId.OpeningFormat], t.Culture), _zone.Id);
    }

    public static bool TryParseHours(string? hours, out TimeOnly opens, out TimeSpan length)
    {
        (opens, length) = (default, default);
        var parts = hours?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var from, var to] || !TimeOnly.TryParseExact(from, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out opens))
            return false;
        TimeSpan close;
        if (to == "24:00") close = TimeSpan.FromDays(1);
        else if (TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) close = t.ToTimeSpan();
        else return false;
        length = close - opens.ToTimeSpan();
        return length > TimeSpan.Zero;
    }

    public static bool TryFindZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
