namespace ExposureSdk.Scoring;

/// <summary>
/// One metric's part in an initiative score (domain rules §3): with Σw the sum of the weights of the
/// initiative's included metrics, Contribution = w × p / Σw and ScoreImpact = w × (100 − p) / Σw
/// (what the initiative gains if the metric reaches 100).
/// </summary>
public sealed class MetricContribution
{
    internal MetricContribution(MetricId metricId, MetricWeight weight, double numericWeight, double? metricScore, bool isIncluded, double? contribution, double? scoreImpact)
    {
        MetricId = metricId;
        Weight = weight;
        NumericWeight = numericWeight;
        MetricScore = metricScore;
        IsIncluded = isIncluded;
        Contribution = contribution;
        ScoreImpact = scoreImpact;
    }

    /// <summary>The metric.</summary>
    public MetricId MetricId { get; }

    /// <summary>The metric's weight.</summary>
    public MetricWeight Weight { get; }

    /// <summary>The numeric weight (0 for risk accepted).</summary>
    public double NumericWeight { get; }

    /// <summary>The metric score, or <see langword="null"/> when the metric is unavailable.</summary>
    public double? MetricScore { get; }

    /// <summary>Whether the metric counts in the initiative score: available and weight greater than 0.</summary>
    public bool IsIncluded { get; }

    /// <summary>w × p / Σw in points of the initiative score; <see langword="null"/> when not included.</summary>
    public double? Contribution { get; }

    /// <summary>w × (100 − p) / Σw: the points the initiative gains if this metric reaches 100; <see langword="null"/> when not included.</summary>
    public double? ScoreImpact { get; }
}

/// <summary>
/// The scored state of one initiative (domain rules §3).
/// </summary>
/// <remarks>
/// An initiative that lists metrics is scored from them: Σ(wᵢ × pᵢ) / Σwᵢ over its available metrics with
/// wᵢ &gt; 0 (summed in ordinal metric id order); no such metric → the score is absent. One that lists no
/// metric is scored by points over its recommendations (achieved / max × 100; max 0 → absent).
/// </remarks>
public sealed class InitiativeScore
{
    internal InitiativeScore(Initiative initiative, double? score, IReadOnlyList<MetricContribution> metrics, double weightSum, PointsScore? points, bool isApproximate)
    {
        IsApproximate = isApproximate;
        Id = initiative.Id;
        Name = initiative.Name;
        Kind = initiative.Kind;
        TargetScore = initiative.TargetScore;
        IsFavorite = initiative.IsFavorite;
        IsRecommendationOnly = initiative.IsRecommendationOnly;
        RecommendationIds = initiative.RecommendationIds.OrderBy(r => r.Value, StringComparer.Ordinal).ToArray().AsReadOnly();
        Score = score;
        Metrics = metrics;
        WeightSum = weightSum;
        Points = points;
    }

    /// <summary>The initiative's identifier.</summary>
    public InitiativeId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The kind of goal.</summary>
    public InitiativeKind Kind { get; }

    /// <summary>The score in percent, or <see langword="null"/> when it cannot be computed.</summary>
    public double? Score { get; }

    /// <summary>
    /// <see langword="true"/> when a metric that counts toward <see cref="Score"/> (available, weight above 0)
    /// is <see cref="MetricScore.IsApproximate">approximate</see>, so the score is approximate too (rules §3).
    /// </summary>
    public bool IsApproximate { get; }

    /// <summary>The user-set target (0–100), if any.</summary>
    public double? TargetScore { get; }

    /// <summary>Target − score in points (positive: below target); <see langword="null"/> without a target or a score.</summary>
    public double? GapToTarget => TargetScore is { } t && Score is { } s ? t - s : null;

    /// <summary>Whether the user marked it as a favorite.</summary>
    public bool IsFavorite { get; }

    /// <summary>Whether it is scored by points over recommendations (it lists no metric).</summary>
    public bool IsRecommendationOnly { get; }

    /// <summary>The contributions of its metrics, in ordinal metric id order (empty when recommendation-only).</summary>
    public IReadOnlyList<MetricContribution> Metrics { get; }

    /// <summary>Σw over the included metrics (0 when none, or when recommendation-only).</summary>
    public double WeightSum { get; }

    /// <summary>For a recommendation-only initiative, the points over its recommendations; otherwise <see langword="null"/>.</summary>
    public PointsScore? Points { get; }

    /// <summary>The recommendations it lists directly, in ordinal id order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationIds { get; }
}
