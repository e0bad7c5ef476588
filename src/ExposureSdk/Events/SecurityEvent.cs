using ExposureSdk.ScoreCards;
using static ExposureSdk.Events.EventLists;

namespace ExposureSdk.Events;

/// <summary>The kind of a security event (domain rules §4).</summary>
public enum SecurityEventKind
{
    /// <summary>A metric's score fell by at least the threshold since the baseline.</summary>
    MetricScoreDrop = 0,

    /// <summary>An initiative's score fell by at least the threshold since the baseline.</summary>
    InitiativeScoreDrop = 1,

    /// <summary>An initiative appeared that the baseline did not have.</summary>
    NewInitiative = 2,
}

/// <summary>
/// A security event (domain rules §4): a metric or initiative score that fell by at least the threshold
/// since the baseline ("yesterday"), or a new initiative. Created by <see cref="ScoreDropDetector"/>, or by
/// one factory per kind: <see cref="MetricScoreDrop"/>, <see cref="InitiativeScoreDrop"/>,
/// <see cref="NewInitiative"/>.
/// </summary>
/// <remarks>
/// The subject is a metric (<see cref="MetricId"/> set, <see cref="InitiativeId"/> <see langword="null"/>) for a
/// <see cref="SecurityEventKind.MetricScoreDrop"/>, and an initiative (the other way round) for the two
/// initiative kinds. Only a metric drop has a <see cref="Weight"/>, <see cref="InitiativeEffects"/> and
/// <see cref="MetricCauses"/>; only an initiative drop has <see cref="InitiativeCauses"/>.
/// </remarks>
public sealed class SecurityEvent
{
    private SecurityEvent(
        SecurityEventKind kind,
        DateTimeOffset date,
        MetricId? metricId,
        InitiativeId? initiativeId,
        string subjectName,
        double? previousScore,
        double? currentScore,
        MetricWeight? weight,
        InitiativeEffect[] initiativeEffects,
        MetricScoreDropCauses? metricCauses,
        InitiativeScoreDropCauses? initiativeCauses)
    {
        Kind = kind;
        Date = date.ToUniversalTime();
        MetricId = metricId;
        InitiativeId = initiativeId;
        SubjectName = subjectName;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
        Drop = previousScore - currentScore;
        Weight = weight;
        InitiativeEffects = Wrap(initiativeEffects);
        MetricCauses = metricCauses;
        InitiativeCauses = initiativeCauses;
    }

    /// <summary>Creates a <see cref="SecurityEventKind.MetricScoreDrop"/> event: a metric's score fell since the baseline.</summary>
    /// <param name="date">When: the current score card's time (stored in UTC).</param>
    /// <param name="metricId">The metric.</param>
    /// <param name="metricName">Its display name.</param>
    /// <param name="previousScore">The baseline's score in percent (0–100).</param>
    /// <param name="currentScore">Today's score in percent (0–100); <see cref="Drop"/> = previous − current.</param>
    /// <param name="weight">The metric's weight today.</param>
    /// <param name="initiativeEffects">The drop's effect on each initiative that contains the metric; none if <see langword="null"/>.</param>
    /// <param name="causes">What caused the drop, or <see langword="null"/> when unknown.</param>
    /// <param name="isApproximate">Whether the metric's score today is approximate (rules §3; see <see cref="IsApproximate"/>).</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is the default (empty) value or <paramref name="metricName"/> is empty or holds a lone surrogate (ill-formed UTF-16).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metricName"/> is <see langword="null"/> or <paramref name="initiativeEffects"/> holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0–100, or <paramref name="weight"/> is not defined.</exception>
    public static SecurityEvent MetricScoreDrop(
        DateTimeOffset date,
        MetricId metricId,
        string metricName,
        double previousScore,
        double currentScore,
        MetricWeight weight,
        IReadOnlyList<InitiativeEffect>? initiativeEffects = null,
        MetricScoreDropCauses? causes = null,
        bool isApproximate = false)
    {
        CardChecks.Id(metricId, nameof(metricId));
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        Internal.Guard.WellFormed(metricName, nameof(metricName));
        CardChecks.Score(previousScore, nameof(previousScore));
        CardChecks.Score(currentScore, nameof(currentScore));
        if (!Enum.IsDefined(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Not a defined MetricWeight.");
        }

        return new(SecurityEventKind.MetricScoreDrop, date, metricId, null, metricName, previousScore, currentScore, weight, [.. CardChecks.NoNulls(initiativeEffects, nameof(initiativeEffects))], causes, null) { IsApproximate = isApproximate };
    }

    /// <summary>Creates an <see cref="SecurityEventKind.InitiativeScoreDrop"/> event: an initiative's score fell since the baseline.</summary>
    /// <param name="date">When: the current score card's time (stored in UTC).</param>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="initiativeName">Its display name.</param>
    /// <param name="previousScore">The baseline's score in percent (0–100).</param>
    /// <param name="currentScore">Today's score in percent (0–100); <see cref="Drop"/> = previous − current.</param>
    /// <param name="causes">What caused the drop, or <see langword="null"/> when unknown.</param>
    /// <param name="isApproximate">Whether the initiative's score today is approximate (rules §3; see <see cref="IsApproximate"/>).</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="initiativeId"/> is the default (empty) value or <paramref name="initiativeName"/> is empty or holds a lone surrogate (ill-formed UTF-16).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="initiativeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0–100.</exception>
    public static SecurityEvent InitiativeScoreDrop(
        DateTimeOffset date,
        InitiativeId initiativeId,
        string initiativeName,
        double previousScore,
        double currentScore,
        InitiativeScoreDropCauses? causes = null,
        bool isApproximate = false)
    {
        CardChecks.Id(initiativeId, nameof(initiativeId));
        ArgumentException.ThrowIfNullOrWhiteSpace(initiativeName);
        Internal.Guard.WellFormed(initiativeName, nameof(initiativeName));
        CardChecks.Score(previousScore, nameof(previousScore));
        CardChecks.Score(currentScore, nameof(currentScore));
        return new(SecurityEventKind.InitiativeScoreDrop, date, null, initiativeId, initiativeName, previousScore, currentScore, null, [], null, causes) { IsApproximate = isApproximate };
    }

    /// <summary>Creates a <see cref="SecurityEventKind.NewInitiative"/> event: an initiative that the baseline did not have.</summary>
    /// <param name="date">When: the current score card's time (stored in UTC).</param>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="initiativeName">Its display name.</param>
    /// <param name="currentScore">Its score today in percent (0–100), or <see langword="null"/> when it has none.</param>
    /// <param name="isApproximate">Whether the initiative's score is approximate (rules §3; see <see cref="IsApproximate"/>).</param>
    /// <returns>The event (no previous score, no drop).</returns>
    /// <exception cref="ArgumentException"><paramref name="initiativeId"/> is the default (empty) value or <paramref name="initiativeName"/> is empty or holds a lone surrogate (ill-formed UTF-16).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="initiativeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="currentScore"/> is outside 0–100.</exception>
    public static SecurityEvent NewInitiative(DateTimeOffset date, InitiativeId initiativeId, string initiativeName, double? currentScore, bool isApproximate = false)
    {
        CardChecks.Id(initiativeId, nameof(initiativeId));
        ArgumentException.ThrowIfNullOrWhiteSpace(initiativeName);
        Internal.Guard.WellFormed(initiativeName, nameof(initiativeName));
        CardChecks.Score(currentScore, nameof(currentScore));
        return new(SecurityEventKind.NewInitiative, date, null, initiativeId, initiativeName, null, currentScore, null, [], null, null) { IsApproximate = isApproximate };
    }

    /// <summary>The detector's trusted path: the arguments come from valid score cards and the effects array is its own (never shared).</summary>
    internal static SecurityEvent TrustedMetricScoreDrop(DateTimeOffset date, ScoreCardMetric metric, double previousScore, double currentScore, InitiativeEffect[] initiativeEffects, MetricScoreDropCauses causes)
        => new(SecurityEventKind.MetricScoreDrop, date, metric.Id, null, metric.Name, previousScore, currentScore, metric.Weight, initiativeEffects, causes, null) { IsApproximate = metric.IsApproximate };

    /// <summary>The detector's trusted path for an initiative drop.</summary>
    internal static SecurityEvent TrustedInitiativeScoreDrop(DateTimeOffset date, ScoreCardInitiative initiative, double previousScore, double currentScore, InitiativeScoreDropCauses causes)
        => new(SecurityEventKind.InitiativeScoreDrop, date, null, initiative.Id, initiative.Name, previousScore, currentScore, null, [], null, causes) { IsApproximate = initiative.IsApproximate };

    /// <summary>The detector's trusted path for a new initiative.</summary>
    internal static SecurityEvent TrustedNewInitiative(DateTimeOffset date, ScoreCardInitiative initiative)
        => new(SecurityEventKind.NewInitiative, date, null, initiative.Id, initiative.Name, null, initiative.Score, null, [], null, null) { IsApproximate = initiative.IsApproximate };

    /// <summary>The kind.</summary>
    public SecurityEventKind Kind { get; }

    /// <summary>The same event at another date (to compare two events of a day apart from their date).</summary>
    internal SecurityEvent WithDate(DateTimeOffset date)
        => new(Kind, date, MetricId, InitiativeId, SubjectName, PreviousScore, CurrentScore, Weight, [.. InitiativeEffects], MetricCauses, InitiativeCauses) { IsApproximate = IsApproximate };

    /// <summary>Whether the subject is a metric or an initiative.</summary>
    public ScoreSubjectKind SubjectKind => MetricId is null ? ScoreSubjectKind.Initiative : ScoreSubjectKind.Metric;

    /// <summary>When, in UTC (the current score card's time).</summary>
    public DateTimeOffset Date { get; }

    /// <summary>The metric, for a <see cref="SecurityEventKind.MetricScoreDrop"/>; otherwise <see langword="null"/>.</summary>
    public MetricId? MetricId { get; }

    /// <summary>The initiative, for an <see cref="SecurityEventKind.InitiativeScoreDrop"/> or a <see cref="SecurityEventKind.NewInitiative"/>; otherwise <see langword="null"/>.</summary>
    public InitiativeId? InitiativeId { get; }

    /// <summary>The subject's id as text (the value of <see cref="MetricId"/> or <see cref="InitiativeId"/>), for display and grouping.</summary>
    public string SubjectId => MetricId?.Value ?? InitiativeId?.Value ?? string.Empty;

    /// <summary>The subject's display name.</summary>
    public string SubjectName { get; }

    /// <summary>The baseline's score in percent, or <see langword="null"/> (a new initiative).</summary>
    public double? PreviousScore { get; }

    /// <summary>Today's score in percent, or <see langword="null"/>.</summary>
    public double? CurrentScore { get; }

    /// <summary>previous − current in percentage points, or <see langword="null"/> (a new initiative).</summary>
    public double? Drop { get; }

    /// <summary>For a metric drop, the metric's weight today; otherwise <see langword="null"/>.</summary>
    public MetricWeight? Weight { get; }

    /// <summary>For a metric drop, its counterfactual effect on each initiative that contains it (the initiative's score with the metric put back to its baseline score and availability, minus its score today), in ordinal initiative order; otherwise empty.</summary>
    public IReadOnlyList<InitiativeEffect> InitiativeEffects { get; }

    /// <summary>For a metric drop, what caused it; otherwise <see langword="null"/>.</summary>
    public MetricScoreDropCauses? MetricCauses { get; }

    /// <summary>For an initiative drop, what caused it; otherwise <see langword="null"/>.</summary>
    public InitiativeScoreDropCauses? InitiativeCauses { get; }

    /// <summary>
    /// Whether the subject's current score is approximate (rules §3: its metric sums counts that can count one
    /// asset more than once), so the drop is measured on an approximation. Events stored before this mark
    /// existed read as <see langword="false"/>.
    /// </summary>
    public bool IsApproximate { get; private init; }
}

internal static class EventLists
{
    public static IReadOnlyList<T> Wrap<T>(T[] items) => items.Length == 0 ? [] : Array.AsReadOnly(items);
}
