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
}

/// <summary>
/// A metric or initiative whose score could not be compared, so that no drop event can be raised for it
/// (domain rules §4: "the event stream says the data is missing instead").
/// </summary>
public sealed class MissingScore
{
    /// <summary>Creates an entry.</summary>
    /// <param name="subjectKind">Metric or initiative.</param>
    /// <param name="subjectId">The metric or initiative id.</param>
    /// <param name="subjectName">Its display name.</param>
    /// <param name="reason">Why the score could not be compared.</param>
    /// <param name="detail">The stale reason, when there is one.</param>
    /// <exception cref="ArgumentException">The id or name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined.</exception>
    public MissingScore(ScoreSubjectKind subjectKind, string subjectId, string subjectName, MissingScoreReason reason, string? detail)
    {
        if (!Enum.IsDefined(subjectKind) || !Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a defined value.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectName);
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        SubjectName = subjectName;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Metric or initiative.</summary>
    public ScoreSubjectKind SubjectKind { get; }

    /// <summary>The metric or initiative id.</summary>
    public string SubjectId { get; }

    /// <summary>Its display name.</summary>
    public string SubjectName { get; }

    /// <summary>Why the score could not be compared (today's reasons first: stale, then unavailable; then the baseline's).</summary>
    public MissingScoreReason Reason { get; }

    /// <summary>The stale reason, when there is one.</summary>
    public string? Detail { get; }
}
