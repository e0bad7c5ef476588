using ExposureSdk.ScoreCards;

namespace ExposureSdk.Events;

/// <summary>What a trend is about: Secure Score, a metric or an initiative.</summary>
public enum ScoreSubjectKind
{
    /// <summary>The Secure Score percentage.</summary>
    SecureScore = 0,

    /// <summary>A metric.</summary>
    Metric = 1,

    /// <summary>An initiative.</summary>
    Initiative = 2,
}

/// <summary>The score a trend follows.</summary>
public readonly record struct ScoreSubject
{
    private ScoreSubject(ScoreSubjectKind kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>The kind of subject.</summary>
    public ScoreSubjectKind Kind { get; }

    /// <summary>The metric or initiative id as text (see <see cref="Metric"/>, <see cref="Initiative"/>); empty for Secure Score.</summary>
    public string Id { get; }

    /// <summary>The Secure Score percentage.</summary>
    public static ScoreSubject SecureScore => new(ScoreSubjectKind.SecureScore, string.Empty);

    /// <summary>A metric's score.</summary>
    /// <param name="id">The metric id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default (empty) value.</exception>
    public static ScoreSubject Metric(MetricId id) => new(ScoreSubjectKind.Metric, CardChecks.Id(id, nameof(id)).Value);

    /// <summary>An initiative's score.</summary>
    /// <param name="id">The initiative id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default (empty) value.</exception>
    public static ScoreSubject Initiative(InitiativeId id) => new(ScoreSubjectKind.Initiative, CardChecks.Id(id, nameof(id)).Value);

    /// <summary>The subject's available score on a card, or <see langword="null"/> when it is absent, unavailable or stale.</summary>
    /// <param name="card">The card.</param>
    /// <returns>The score in percent, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is <see langword="null"/>.</exception>
    public double? ScoreOn(ScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Kind switch
        {
            ScoreSubjectKind.SecureScore => card.SecureScore,
            ScoreSubjectKind.Metric => card.FindMetric(Id) is { Availability: ScoreAvailability.Available } m ? m.Score : null,
            _ => card.FindInitiative(Id) is { Availability: ScoreAvailability.Available } i ? i.Score : null,
        };
    }
}

/// <summary>One point of a daily series: the day's latest available score.</summary>
public readonly record struct ScorePoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="date">The calendar day in the trend's time zone.</param>
    /// <param name="asOf">The time of the card the score comes from.</param>
    /// <param name="score">The score in percent.</param>
    public ScorePoint(DateOnly date, DateTimeOffset asOf, double score)
    {
        Date = date;
        AsOf = asOf.ToUniversalTime();
        Score = score;
    }

    /// <summary>The calendar day in the trend's time zone.</summary>
    public DateOnly Date { get; }

    /// <summary>The time of the card the score comes from, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The score in percent.</summary>
    public double Score { get; }
}

/// <summary>
/// A score's trend over a window of days: the day's latest available score for each day that has one,
/// the change (last − first) and the drift (least-squares slope in points per day).
/// </summary>
public sealed class ScoreTrend
{
    internal ScoreTrend(ScoreSubject subject, ScorePoint[] points)
    {
        Subject = subject;
        Points = points.AsReadOnly();
        if (points.Length >= 2)
        {
            Change = points[^1].Score - points[0].Score;
            var origin = points[0].Date.DayNumber;
            double n = points.Length, sx = 0, sy = 0, sxx = 0, sxy = 0;
            foreach (var p in points)
            {
                double x = p.Date.DayNumber - origin;
                sx += x;
                sy += p.Score;
                sxx += x * x;
                sxy += x * p.Score;
            }

            Drift = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        }
    }

    /// <summary>The subject.</summary>
    public ScoreSubject Subject { get; }

    /// <summary>The day's latest available score for each day of the window that has one, oldest first.</summary>
    public IReadOnlyList<ScorePoint> Points { get; }

    /// <summary>Last − first in points; <see langword="null"/> with fewer than two points.</summary>
    public double? Change { get; }

    /// <summary>The least-squares slope in points per day; <see langword="null"/> with fewer than two points.</summary>
    public double? Drift { get; }
}

/// <summary>A score's movement over a period: the latest available score against the latest available score at or before the period's start.</summary>
public readonly record struct ScoreMovement
{
    /// <summary>Creates a movement.</summary>
    /// <param name="previous">The score at or before the start, or <see langword="null"/>.</param>
    /// <param name="current">The latest score at or before now, or <see langword="null"/>.</param>
    public ScoreMovement(double? previous, double? current)
    {
        Previous = previous;
        Current = current;
    }

    /// <summary>The score at or before the period's start, or <see langword="null"/>.</summary>
    public double? Previous { get; }

    /// <summary>The latest score at or before now, or <see langword="null"/>.</summary>
    public double? Current { get; }

    /// <summary>Current − previous in points, or <see langword="null"/> when either is absent.</summary>
    public double? Change => Previous is { } p && Current is { } c ? c - p : null;
}

/// <summary>
/// Trend helpers over the history of score cards (domain rules §4): the 14-day trend and drift of a
/// metric, an initiative or Secure Score, and the movement over the last 24 hours. Pure: the current
/// time is an argument.
/// </summary>
public static class ScoreTrends
{
    /// <summary>The default trend window: 14 days.</summary>
    public const int DefaultTrendDays = 14;

    /// <summary>
    /// The trend over the <paramref name="days"/> calendar days ending with the day of <paramref name="now"/>
    /// (in <paramref name="timeZone"/>, UTC by default), from the cards at or before <paramref name="now"/>.
    /// </summary>
    /// <param name="history">The cards, in any order.</param>
    /// <param name="subject">The score to follow.</param>
    /// <param name="now">The current time.</param>
    /// <param name="days">The window in days (default 14; 1 to 366).</param>
    /// <param name="timeZone">The time zone of the calendar days; <see langword="null"/> for UTC.</param>
    /// <returns>The trend. Among cards of one day with the same time, the later in <paramref name="history"/> wins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1–366.</exception>
    public static ScoreTrend Trend(IEnumerable<ScoreCard> history, ScoreSubject subject, DateTimeOffset now, int days = DefaultTrendDays, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 366);
        var zone = timeZone ?? TimeZoneInfo.Utc;
        var last = ScoreDropDetector.LocalDate(now, zone);
        var first = last.AddDays(1 - days);
        var byDay = new SortedDictionary<DateOnly, ScorePoint>();
        foreach (var card in history)
        {
            ArgumentNullException.ThrowIfNull(card, nameof(history));

            // A plain nullable score rather than a pattern variable in the condition: a mutation tool can then flip
            // the condition's operators and still compile (see docs/quality.md, Mutation testing).
            var score = card.AsOf > now ? null : subject.ScoreOn(card);
            if (score is null)
            {
                continue;
            }

            var date = ScoreDropDetector.LocalDate(card.AsOf, zone);
            if (date < first || date > last)
            {
                continue;
            }

            if (!byDay.TryGetValue(date, out var existing) || card.AsOf >= existing.AsOf)
            {
                byDay[date] = new ScorePoint(date, card.AsOf, score.Value);
            }
        }

        return new ScoreTrend(subject, [.. byDay.Values]);
    }

    /// <summary>The movement over the last 24 hours: the latest available score at or before <paramref name="now"/> against the latest at or before now − 24 h.</summary>
    /// <param name="history">The cards, in any order.</param>
    /// <param name="subject">The score to follow.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The movement. Among cards with the same time, the later in <paramref name="history"/> wins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    public static ScoreMovement Movement24Hours(IEnumerable<ScoreCard> history, ScoreSubject subject, DateTimeOffset now) =>
        Movement(history, subject, now, TimeSpan.FromHours(24));

    /// <summary>The movement over a period: the latest available score at or before <paramref name="now"/> against the latest at or before now − <paramref name="period"/>.</summary>
    /// <param name="history">The cards, in any order.</param>
    /// <param name="subject">The score to follow.</param>
    /// <param name="now">The current time.</param>
    /// <param name="period">The period (positive).</param>
    /// <returns>The movement. Among cards with the same time, the later in <paramref name="history"/> wins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static ScoreMovement Movement(IEnumerable<ScoreCard> history, ScoreSubject subject, DateTimeOffset now, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var start = now - period;
        ScoreCard? current = null, previous = null;
        foreach (var card in history)
        {
            ArgumentNullException.ThrowIfNull(card, nameof(history));
            if (subject.ScoreOn(card) is null || card.AsOf > now)
            {
                continue;
            }

            if (current is null || card.AsOf >= current.AsOf)
            {
                current = card;
            }

            if (card.AsOf <= start && (previous is null || card.AsOf >= previous.AsOf))
            {
                previous = card;
            }
        }

        var p = previous is null ? null : subject.ScoreOn(previous);
        var c = current is null ? null : subject.ScoreOn(current);
        return new ScoreMovement(p, c);
    }
}
