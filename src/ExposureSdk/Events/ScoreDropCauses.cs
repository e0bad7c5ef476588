using ExposureSdk.ScoreCards;
using static ExposureSdk.Events.EventLists;

namespace ExposureSdk.Events;

/// <summary>
/// A metric drop's effect on one initiative that contains the metric (domain rules §4, Decision revised): the
/// initiative's score today with that one metric put back to its baseline ("yesterday's") score and availability,
/// minus its score today. With unchanged weights and availability this equals drop × w / Σw; when another metric
/// of the initiative became unavailable the same day, Σw is today's.
/// </summary>
public sealed class InitiativeEffect
{
    /// <summary>Creates an effect.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="effect">The counterfactual effect in points: the initiative's score with the metric put back, minus its score today.</param>
    /// <param name="weightSum">Σw of the initiative's available metrics with weight greater than 0, today.</param>
    /// <exception cref="ArgumentException"><paramref name="initiativeId"/> is the default (empty) value.</exception>
    public InitiativeEffect(InitiativeId initiativeId, double effect, double weightSum)
    {
        InitiativeId = CardChecks.Id(initiativeId, nameof(initiativeId));
        Effect = effect;
        WeightSum = weightSum;
    }

    /// <summary>The initiative.</summary>
    public InitiativeId InitiativeId { get; }

    /// <summary>The effect in points: the initiative's score today with the metric put back to its baseline score and availability, minus its score today (positive for a drop).</summary>
    public double Effect { get; }

    /// <summary>Σw of the initiative's available metrics with weight greater than 0, today.</summary>
    public double WeightSum { get; }
}

/// <summary>A metric whose weight changed between the baseline and today.</summary>
public sealed class WeightChange
{
    /// <summary>Creates a weight change.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="previous">The weight in the baseline.</param>
    /// <param name="current">The weight today.</param>
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is the default (empty) value.</exception>
    public WeightChange(MetricId metricId, MetricWeight previous, MetricWeight current)
    {
        MetricId = CardChecks.Id(metricId, nameof(metricId));
        Previous = previous;
        Current = current;
    }

    /// <summary>The metric.</summary>
    public MetricId MetricId { get; }

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
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is the default (empty) value.</exception>
    public MetricScoreChange(MetricId metricId, double? previousScore, double? currentScore)
    {
        MetricId = CardChecks.Id(metricId, nameof(metricId));
        PreviousScore = previousScore;
        CurrentScore = currentScore;
    }

    /// <summary>The metric.</summary>
    public MetricId MetricId { get; }

    /// <summary>The score in the baseline, or <see langword="null"/>.</summary>
    public double? PreviousScore { get; }

    /// <summary>The score today, or <see langword="null"/>.</summary>
    public double? CurrentScore { get; }
}

/// <summary>
/// What caused a metric's score drop (a Decision of domain rules §4): assets newly affected, assets added to
/// the scope, member recommendations added or removed, and a change of the metric's weight.
/// </summary>
public sealed class MetricScoreDropCauses
{
    /// <summary>Creates causes.</summary>
    /// <param name="newlyAffectedAssetIds">Asset ids affected today and not in the baseline (as far as the bounded lists of the two cards tell); none if <see langword="null"/>.</param>
    /// <param name="affectedDelta">Affected today − affected in the baseline.</param>
    /// <param name="scopeDelta">Scope today − scope in the baseline.</param>
    /// <param name="recommendationsAdded">Member recommendations added; none if <see langword="null"/>.</param>
    /// <param name="recommendationsRemoved">Member recommendations removed; none if <see langword="null"/>.</param>
    /// <param name="weightChange">The metric's weight change, or <see langword="null"/> when its weight did not change.</param>
    /// <exception cref="ArgumentException">A list holds a default (empty) id.</exception>
    public MetricScoreDropCauses(
        IReadOnlyList<AssetId>? newlyAffectedAssetIds,
        long affectedDelta,
        long scopeDelta,
        IReadOnlyList<RecommendationId>? recommendationsAdded,
        IReadOnlyList<RecommendationId>? recommendationsRemoved,
        WeightChange? weightChange)
    {
        NewlyAffectedAssetIds = Wrap(CardChecks.Ids(newlyAffectedAssetIds, nameof(newlyAffectedAssetIds), int.MaxValue));
        AffectedDelta = affectedDelta;
        ScopeDelta = scopeDelta;
        RecommendationsAdded = Wrap(CardChecks.Ids(recommendationsAdded, nameof(recommendationsAdded), int.MaxValue));
        RecommendationsRemoved = Wrap(CardChecks.Ids(recommendationsRemoved, nameof(recommendationsRemoved), int.MaxValue));
        WeightChange = weightChange;
    }

    private MetricScoreDropCauses()
    {
    }

    /// <summary>Asset ids affected today that were not affected in the baseline, in ordinal order (bounded by the cards' top-100 lists).</summary>
    public IReadOnlyList<AssetId> NewlyAffectedAssetIds { get; private init; } = [];

    /// <summary>Affected today − affected in the baseline.</summary>
    public long AffectedDelta { get; private init; }

    /// <summary>Scope today − scope in the baseline (positive: assets added to the scope).</summary>
    public long ScopeDelta { get; private init; }

    /// <summary>Assets added to the scope: max(0, <see cref="ScopeDelta"/>).</summary>
    public long AssetsAddedToScope => ScopeDelta > 0 ? ScopeDelta : 0;

    /// <summary>Member recommendations added since the baseline, in ordinal order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationsAdded { get; private init; } = [];

    /// <summary>Member recommendations removed since the baseline, in ordinal order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationsRemoved { get; private init; } = [];

    /// <summary>The metric's weight change, or <see langword="null"/> when its weight did not change.</summary>
    public WeightChange? WeightChange { get; private init; }

    /// <summary>The detector's trusted factory: the arrays are its own, sorted and distinct, never shared.</summary>
    internal static MetricScoreDropCauses Trusted(AssetId[] newlyAffectedAssetIds, long affectedDelta, long scopeDelta, RecommendationId[] recommendationsAdded, RecommendationId[] recommendationsRemoved, WeightChange? weightChange)
        => new()
        {
            NewlyAffectedAssetIds = Wrap(newlyAffectedAssetIds),
            AffectedDelta = affectedDelta,
            ScopeDelta = scopeDelta,
            RecommendationsAdded = Wrap(recommendationsAdded),
            RecommendationsRemoved = Wrap(recommendationsRemoved),
            WeightChange = weightChange,
        };
}

/// <summary>
/// What caused an initiative's score drop (a Decision of domain rules §4): recommendations or metrics added or
/// removed, metric weights that changed, and the initiative's metrics whose score changed.
/// </summary>
public sealed class InitiativeScoreDropCauses
{
    /// <summary>Creates causes.</summary>
    /// <param name="recommendationsAdded">Recommendations the initiative lists directly that were added; none if <see langword="null"/>.</param>
    /// <param name="recommendationsRemoved">Recommendations it lists directly that were removed; none if <see langword="null"/>.</param>
    /// <param name="metricsAdded">Metrics added to the initiative; none if <see langword="null"/>.</param>
    /// <param name="metricsRemoved">Metrics removed from the initiative; none if <see langword="null"/>.</param>
    /// <param name="weightChanges">Metric weights that changed; none if <see langword="null"/>.</param>
    /// <param name="metricScoreChanges">The initiative's metrics whose score changed; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A list holds a default (empty) id.</exception>
    /// <exception cref="ArgumentNullException">A list holds <see langword="null"/>.</exception>
    public InitiativeScoreDropCauses(
        IReadOnlyList<RecommendationId>? recommendationsAdded,
        IReadOnlyList<RecommendationId>? recommendationsRemoved,
        IReadOnlyList<MetricId>? metricsAdded,
        IReadOnlyList<MetricId>? metricsRemoved,
        IReadOnlyList<WeightChange>? weightChanges,
        IReadOnlyList<MetricScoreChange>? metricScoreChanges)
    {
        RecommendationsAdded = Wrap(CardChecks.Ids(recommendationsAdded, nameof(recommendationsAdded), int.MaxValue));
        RecommendationsRemoved = Wrap(CardChecks.Ids(recommendationsRemoved, nameof(recommendationsRemoved), int.MaxValue));
        MetricsAdded = Wrap(CardChecks.Ids(metricsAdded, nameof(metricsAdded), int.MaxValue));
        MetricsRemoved = Wrap(CardChecks.Ids(metricsRemoved, nameof(metricsRemoved), int.MaxValue));
        WeightChanges = Wrap([.. CardChecks.NoNulls(weightChanges, nameof(weightChanges)).OrderBy(w => w.MetricId)]);
        MetricScoreChanges = Wrap([.. CardChecks.NoNulls(metricScoreChanges, nameof(metricScoreChanges)).OrderBy(c => c.MetricId)]);
    }

    private InitiativeScoreDropCauses()
    {
    }

    /// <summary>Recommendations the initiative lists directly that were added since the baseline, in ordinal order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationsAdded { get; private init; } = [];

    /// <summary>Recommendations the initiative lists directly that were removed since the baseline, in ordinal order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationsRemoved { get; private init; } = [];

    /// <summary>Metrics added to the initiative, in ordinal order.</summary>
    public IReadOnlyList<MetricId> MetricsAdded { get; private init; } = [];

    /// <summary>Metrics removed from the initiative, in ordinal order.</summary>
    public IReadOnlyList<MetricId> MetricsRemoved { get; private init; } = [];

    /// <summary>Metric weights that changed, in ordinal metric order.</summary>
    public IReadOnlyList<WeightChange> WeightChanges { get; private init; } = [];

    /// <summary>The initiative's metrics whose score changed, in ordinal metric order.</summary>
    public IReadOnlyList<MetricScoreChange> MetricScoreChanges { get; private init; } = [];

    /// <summary>The detector's trusted factory: the arrays are its own, sorted and distinct, never shared.</summary>
    internal static InitiativeScoreDropCauses Trusted(RecommendationId[] recommendationsAdded, RecommendationId[] recommendationsRemoved, MetricId[] metricsAdded, MetricId[] metricsRemoved, WeightChange[] weightChanges, MetricScoreChange[] metricScoreChanges)
        => new()
        {
            RecommendationsAdded = Wrap(recommendationsAdded),
            RecommendationsRemoved = Wrap(recommendationsRemoved),
            MetricsAdded = Wrap(metricsAdded),
            MetricsRemoved = Wrap(metricsRemoved),
            WeightChanges = Wrap(weightChanges),
            MetricScoreChanges = Wrap(metricScoreChanges),
        };
}
