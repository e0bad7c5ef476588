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

/// <summary>A metric drop's weighted effect on one initiative that contains the metric: drop × w / Σw.</summary>
public sealed class InitiativeEffect
{
    /// <summary>Creates an effect.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="effect">The drop's effect on the initiative in points: drop × w / Σw.</param>
    /// <param name="weightSum">Σw of the initiative's available metrics with weight greater than 0, today.</param>
    /// <exception cref="ArgumentException"><paramref name="initiativeId"/> is empty.</exception>
    public InitiativeEffect(string initiativeId, double effect, double weightSum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(initiativeId);
        InitiativeId = initiativeId;
        Effect = effect;
        WeightSum = weightSum;
    }

    /// <summary>The initiative.</summary>
    public string InitiativeId { get; }

    /// <summary>The effect in points: drop × w / Σw.</summary>
    public double Effect { get; }

    /// <summary>Σw of the initiative today.</summary>
    public double WeightSum { get; }
}

/// <summary>A metric whose weight changed between the baseline and today.</summary>
public sealed class WeightChange
{
    /// <summary>Creates a weight change.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="previous">The weight in the baseline.</param>
    /// <param name="current">The weight today.</param>
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is empty.</exception>
    public WeightChange(string metricId, MetricWeight previous, MetricWeight current)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricId);
        MetricId = metricId;
        Previous = previous;
        Current = current;
    }

    /// <summary>The metric.</summary>
    public string MetricId { get; }

    /// <summary>The weight in the baseline.</summary>
    public MetricWeight Previous { get; }

    /// <summary>The weight today.</summary>
    public MetricWeight Current { get; }
}

/// <summary>A metric whose score changed, listed among an initiative drop's causes.</summary>
public sealed class MetricScoreChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="previousScore">The score in the baseline, or <see langword="null"/>.</param>
    /// <param name="currentScore">The score today, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is empty.</exception>
    public MetricScoreChange(string metricId, double? previousScore, double? currentScore)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricId);
        MetricId = metricId;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
    }

    /// <summary>The metric.</summary>
    public string MetricId { get; }

    /// <summary>The score in the baseline, or <see langword="null"/>.</summary>
    public double? PreviousScore { get; }

    /// <summary>The score today, or <see langword="null"/>.</summary>
    public double? CurrentScore { get; }
}

/// <summary>
/// What caused a score drop (a Decision of domain rules §4): assets newly affected, assets added to the
/// scope, recommendations or metrics added or removed, weights that changed, metrics whose score changed.
/// </summary>
public sealed class ScoreDropCauses
{
    /// <summary>Creates causes.</summary>
    /// <param name="newlyAffectedAssetIds">Asset ids affected today and not in the baseline (as far as the bounded lists of the two cards tell).</param>
    /// <param name="affectedDelta">Affected today − affected in the baseline (metrics only).</param>
    /// <param name="scopeDelta">Scope today − scope in the baseline (metrics only).</param>
    /// <param name="recommendationsAdded">Member recommendations added.</param>
    /// <param name="recommendationsRemoved">Member recommendations removed.</param>
    /// <param name="metricsAdded">Metrics added to the initiative.</param>
    /// <param name="metricsRemoved">Metrics removed from the initiative.</param>
    /// <param name="weightChanges">Metric weights that changed.</param>
    /// <param name="metricScoreChanges">The initiative's metrics whose score changed.</param>
    public ScoreDropCauses(
        IReadOnlyList<string>? newlyAffectedAssetIds,
        long? affectedDelta,
        long? scopeDelta,
        IReadOnlyList<string>? recommendationsAdded,
        IReadOnlyList<string>? recommendationsRemoved,
        IReadOnlyList<string>? metricsAdded,
        IReadOnlyList<string>? metricsRemoved,
        IReadOnlyList<WeightChange>? weightChanges,
        IReadOnlyList<MetricScoreChange>? metricScoreChanges)
    {
        NewlyAffectedAssetIds = Copy(newlyAffectedAssetIds);
        AffectedDelta = affectedDelta;
        ScopeDelta = scopeDelta;
        RecommendationsAdded = Copy(recommendationsAdded);
        RecommendationsRemoved = Copy(recommendationsRemoved);
        MetricsAdded = Copy(metricsAdded);
        MetricsRemoved = Copy(metricsRemoved);
        WeightChanges = Copy(weightChanges);
        MetricScoreChanges = Copy(metricScoreChanges);
    }

    /// <summary>Takes the arrays as they are (the detector's own, never shared).</summary>
    internal ScoreDropCauses(string[] newlyAffectedAssetIds, long? affectedDelta, long? scopeDelta, string[] recommendationsAdded, string[] recommendationsRemoved, string[] metricsAdded, string[] metricsRemoved, WeightChange[] weightChanges, MetricScoreChange[] metricScoreChanges, bool owned)
    {
        _ = owned;
        NewlyAffectedAssetIds = Wrap(newlyAffectedAssetIds);
        AffectedDelta = affectedDelta;
        ScopeDelta = scopeDelta;
        RecommendationsAdded = Wrap(recommendationsAdded);
        RecommendationsRemoved = Wrap(recommendationsRemoved);
        MetricsAdded = Wrap(metricsAdded);
        MetricsRemoved = Wrap(metricsRemoved);
        WeightChanges = Wrap(weightChanges);
        MetricScoreChanges = Wrap(metricScoreChanges);
    }

    /// <summary>Asset ids affected today that were not affected in the baseline, in ordinal order (bounded by the cards' top-100 lists).</summary>
    public IReadOnlyList<string> NewlyAffectedAssetIds { get; }

    /// <summary>Affected today − affected in the baseline; <see langword="null"/> for initiatives.</summary>
    public long? AffectedDelta { get; }

    /// <summary>Scope today − scope in the baseline (positive: assets added to the scope); <see langword="null"/> for initiatives.</summary>
    public long? ScopeDelta { get; }

    /// <summary>Assets added to the scope: max(0, <see cref="ScopeDelta"/>).</summary>
    public long AssetsAddedToScope => ScopeDelta is > 0 ? ScopeDelta.Value : 0;

    /// <summary>Member recommendations added since the baseline, in ordinal order.</summary>
    public IReadOnlyList<string> RecommendationsAdded { get; }

    /// <summary>Member recommendations removed since the baseline, in ordinal order.</summary>
    public IReadOnlyList<string> RecommendationsRemoved { get; }

    /// <summary>Metrics added to the initiative, in ordinal order.</summary>
    public IReadOnlyList<string> MetricsAdded { get; }

    /// <summary>Metrics removed from the initiative, in ordinal order.</summary>
    public IReadOnlyList<string> MetricsRemoved { get; }

    /// <summary>Metric weights that changed, in ordinal metric order.</summary>
    public IReadOnlyList<WeightChange> WeightChanges { get; }

    /// <summary>For an initiative, its metrics whose score changed, in ordinal metric order.</summary>
    public IReadOnlyList<MetricScoreChange> MetricScoreChanges { get; }
}

/// <summary>
/// A security event (domain rules §4): a metric or initiative score that fell by at least the threshold
/// since the baseline ("yesterday"), or a new initiative.
/// </summary>
public sealed class SecurityEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="date">When: the current score card's time, in UTC.</param>
    /// <param name="subjectId">The metric or initiative id.</param>
    /// <param name="subjectName">Its display name.</param>
    /// <param name="previousScore">The baseline's score, or <see langword="null"/> (a new initiative).</param>
    /// <param name="currentScore">Today's score, or <see langword="null"/>.</param>
    /// <param name="drop">previous − current in points, or <see langword="null"/> (a new initiative).</param>
    /// <param name="weight">For a metric, its weight today.</param>
    /// <param name="initiativeEffects">For a metric, the drop's effect on each initiative that contains it.</param>
    /// <param name="causes">What caused the drop; <see langword="null"/> for a new initiative.</param>
    /// <exception cref="ArgumentException">The subject id or name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public SecurityEvent(
        SecurityEventKind kind,
        DateTimeOffset date,
        string subjectId,
        string subjectName,
        double? previousScore,
        double? currentScore,
        double? drop,
        MetricWeight? weight,
        IReadOnlyList<InitiativeEffect>? initiativeEffects,
        ScoreDropCauses? causes)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined SecurityEventKind.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectName);
        Kind = kind;
        Date = date.ToUniversalTime();
        SubjectId = subjectId;
        SubjectName = subjectName;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
        Drop = drop;
        Weight = weight;
        InitiativeEffects = Copy(initiativeEffects);
        Causes = causes;
    }

    /// <summary>Takes the effects array as it is (the detector's own, never shared); the other arguments are already valid.</summary>
    internal SecurityEvent(SecurityEventKind kind, DateTimeOffset date, string subjectId, string subjectName, double? previousScore, double? currentScore, double? drop, MetricWeight? weight, InitiativeEffect[] initiativeEffects, ScoreDropCauses? causes, bool owned)
    {
        _ = owned;
        Kind = kind;
        Date = date.ToUniversalTime();
        SubjectId = subjectId;
        SubjectName = subjectName;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
        Drop = drop;
        Weight = weight;
        InitiativeEffects = Wrap(initiativeEffects);
        Causes = causes;
    }

    /// <summary>The kind.</summary>
    public SecurityEventKind Kind { get; }

    /// <summary>When, in UTC (the current score card's time).</summary>
    public DateTimeOffset Date { get; }

    /// <summary>The metric or initiative id.</summary>
    public string SubjectId { get; }

    /// <summary>Its display name.</summary>
    public string SubjectName { get; }

    /// <summary>The baseline's score in percent, or <see langword="null"/>.</summary>
    public double? PreviousScore { get; }

    /// <summary>Today's score in percent, or <see langword="null"/>.</summary>
    public double? CurrentScore { get; }

    /// <summary>previous − current in percentage points, or <see langword="null"/>.</summary>
    public double? Drop { get; }

    /// <summary>For a metric drop, the metric's weight today; otherwise <see langword="null"/>.</summary>
    public MetricWeight? Weight { get; }

    /// <summary>For a metric drop, its effect on each initiative that contains it (drop × wᵢ / Σw), in ordinal initiative order.</summary>
    public IReadOnlyList<InitiativeEffect> InitiativeEffects { get; }

    /// <summary>What caused the drop, or <see langword="null"/> for a new initiative.</summary>
    public ScoreDropCauses? Causes { get; }
}

internal static class EventLists
{
    public static IReadOnlyList<T> Copy<T>(IReadOnlyList<T>? items) => items is null || items.Count == 0 ? [] : Array.AsReadOnly(items.ToArray());

    public static IReadOnlyList<T> Wrap<T>(T[] items) => items.Length == 0 ? [] : Array.AsReadOnly(items);
}
