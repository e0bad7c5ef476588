namespace ExposureSdk.Events;

/// <summary>Why a score could not be compared with the baseline.</summary>
public enum MissingScoreReason
{
    /// <summary>There is no baseline: no card of yesterday and none within the age limit.</summary>
    NoBaseline = 0,

    /// <summary>The subject is not on the baseline card.</summary>
    NotInBaseline = 1,

    /// <summary>The score is unavailable today (for a metric, scope 0).</summary>
    UnavailableToday = 2,

    /// <summary>The score was unavailable on the baseline card.</summary>
    UnavailableInBaseline = 3,

    /// <summary>Today's data is stale: its source failed or was not polled.</summary>
    StaleToday = 4,

    /// <summary>The baseline's data was stale.</summary>
    StaleInBaseline = 5,

    /// <summary>
    /// The subject was on the baseline card and is not on today's card: its definition was withdrawn, or the
    /// source that defines it gave nothing today (domain rules §4: "a subject that yesterday's card had and
    /// today's lacks is reported missing too").
    /// </summary>
    AbsentToday = 6,
}

/// <summary>
/// A metric or initiative whose score could not be compared, so that no drop event can be raised for it
/// (domain rules §4: "the event stream says the data is missing instead"). Created by
/// <see cref="ScoreDropDetector.FindMissingScores"/>, or by <see cref="ForMetric"/> and <see cref="ForInitiative"/>.
/// </summary>
public sealed class MissingScore
{
    private MissingScore(MetricId? metricId, InitiativeId? initiativeId, string subjectName, MissingScoreReason reason, string? detail)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a defined MissingScoreReason.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(subjectName);
        Internal.Guard.WellFormed(subjectName, nameof(subjectName));
        MetricId = metricId;
        InitiativeId = initiativeId;
        SubjectName = subjectName;
        Reason = reason;
        Detail = detail is null ? null : Internal.Guard.ReplaceLoneSurrogates(detail);
    }

    /// <summary>Creates an entry for a metric.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="metricName">Its display name.</param>
    /// <param name="reason">Why the score could not be compared.</param>
    /// <param name="detail">The stale reason, when there is one (a lone surrogate in it becomes U+FFFD).</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">The id is the default (empty) value or the name is empty or holds a lone surrogate (ill-formed UTF-16).</exception>
    /// <exception cref="ArgumentNullException">The name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public static MissingScore ForMetric(MetricId metricId, string metricName, MissingScoreReason reason, string? detail = null)
        => new(ScoreCards.CardChecks.Id(metricId, nameof(metricId)), null, metricName, reason, detail);

    /// <summary>Creates an entry for an initiative.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="initiativeName">Its display name.</param>
    /// <param name="reason">Why the score could not be compared.</param>
    /// <param name="detail">The stale reason, when there is one (a lone surrogate in it becomes U+FFFD).</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">The id is the default (empty) value or the name is empty or holds a lone surrogate (ill-formed UTF-16).</exception>
    /// <exception cref="ArgumentNullException">The name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public static MissingScore ForInitiative(InitiativeId initiativeId, string initiativeName, MissingScoreReason reason, string? detail = null)
        => new(null, ScoreCards.CardChecks.Id(initiativeId, nameof(initiativeId)), initiativeName, reason, detail);

    /// <summary>Metric or initiative.</summary>
    public ScoreSubjectKind SubjectKind => MetricId is null ? ScoreSubjectKind.Initiative : ScoreSubjectKind.Metric;

    /// <summary>The metric, when the subject is one; otherwise <see langword="null"/>.</summary>
    public MetricId? MetricId { get; }

    /// <summary>The initiative, when the subject is one; otherwise <see langword="null"/>.</summary>
    public InitiativeId? InitiativeId { get; }

    /// <summary>The subject's id as text (the value of <see cref="MetricId"/> or <see cref="InitiativeId"/>), for display and grouping.</summary>
    public string SubjectId => MetricId?.Value ?? InitiativeId?.Value ?? string.Empty;

    /// <summary>Its display name.</summary>
    public string SubjectName { get; }

    /// <summary>Why the score could not be compared (today's reasons first: stale, then unavailable; then the baseline's).</summary>
    public MissingScoreReason Reason { get; }

    /// <summary>The stale reason, when there is one.</summary>
    public string? Detail { get; }
}
