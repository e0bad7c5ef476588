namespace ExposureSdk.Scoring;

/// <summary>
/// Why a metric's score is what it is: its counts, its member recommendations with their results, the
/// first affected assets, and its contribution to every initiative that contains it.
/// </summary>
public sealed class MetricExplanation
{
    internal MetricExplanation(MetricScore metric, IReadOnlyList<RecommendationScore> recommendations, IReadOnlyList<InitiativeMetricEffect> initiatives)
    {
        Metric = metric;
        Recommendations = recommendations;
        Initiatives = initiatives;
    }

    /// <summary>The metric's score, counts, weight and first affected asset ids.</summary>
    public MetricScore Metric { get; }

    /// <summary>The member recommendations, in ordinal id order, with their results (risk-accepted ones are listed but do not count).</summary>
    public IReadOnlyList<RecommendationScore> Recommendations { get; }

    /// <summary>The metric's contribution to each initiative that contains it, in ordinal initiative id order.</summary>
    public IReadOnlyList<InitiativeMetricEffect> Initiatives { get; }

    /// <summary>The first affected asset ids in ordinal order (at most <see cref="MetricScore.TopAffectedLimit"/>).</summary>
    public IReadOnlyList<AssetId> TopAffectedAssetIds => Metric.TopAffectedAssetIds;
}

/// <summary>A metric's part in one initiative that contains it.</summary>
public sealed class InitiativeMetricEffect
{
    internal InitiativeMetricEffect(InitiativeId initiativeId, double? initiativeScore, double weightSum, MetricContribution contribution)
    {
        InitiativeId = initiativeId;
        InitiativeScore = initiativeScore;
        WeightSum = weightSum;
        Contribution = contribution;
    }

    /// <summary>The initiative.</summary>
    public InitiativeId InitiativeId { get; }

    /// <summary>The initiative's score, or <see langword="null"/>.</summary>
    public double? InitiativeScore { get; }

    /// <summary>Σw of the initiative's included metrics.</summary>
    public double WeightSum { get; }

    /// <summary>The metric's weight, score, contribution and score impact in that initiative.</summary>
    public MetricContribution Contribution { get; }
}

/// <summary>
/// Why an initiative's score is what it is: each metric's weight, score and contribution with the
/// metric's own explanation, or, for a recommendation-only initiative, the points of each recommendation.
/// </summary>
public sealed class InitiativeExplanation
{
    internal InitiativeExplanation(InitiativeScore initiative, IReadOnlyList<MetricExplanation> metrics, IReadOnlyList<RecommendationScore> recommendations)
    {
        Initiative = initiative;
        Metrics = metrics;
        Recommendations = recommendations;
    }

    /// <summary>The initiative's score, Σw and per-metric contributions.</summary>
    public InitiativeScore Initiative { get; }

    /// <summary>The explanation of each of its metrics, in ordinal metric id order.</summary>
    public IReadOnlyList<MetricExplanation> Metrics { get; }

    /// <summary>The recommendations it lists directly (the ones scored by points when it lists no metric), in ordinal id order.</summary>
    public IReadOnlyList<RecommendationScore> Recommendations { get; }
}
