using ExposureSdk.Events;

namespace ExposureSdk.Orleans.Views;

// The grain contract: what a dashboard asks a tenant grain and gets back, serialized by Orleans' generated
// serializers. These classes belong to this package: the core's model is never annotated for Orleans.

/// <summary>A metric in detail, with the explanation of its score.</summary>
[GenerateSerializer, Immutable]
public sealed class MetricDetailView
{
    /// <summary>Creates the message.</summary>
    /// <param name="metric">Its score on the card (with stale marks).</param>
    /// <param name="exposure">100 × affected / scope, or <see langword="null"/>.</param>
    /// <param name="recommendations">Its member recommendations with their results.</param>
    /// <param name="topAffectedAssets">The first affected assets in ordinal id order (at most 100).</param>
    /// <param name="initiatives">Its part in every initiative that contains it.</param>
    /// <param name="trend">Its 14-day trend.</param>
    public MetricDetailView(MetricView metric, double? exposure, IReadOnlyList<RecommendationView> recommendations, IReadOnlyList<AssetView> topAffectedAssets, IReadOnlyList<MetricContributionView> initiatives, TrendView trend)
    {
        Metric = metric;
        Exposure = exposure;
        Recommendations = recommendations;
        TopAffectedAssets = topAffectedAssets;
        Initiatives = initiatives;
        Trend = trend;
    }

    /// <summary>Its score on the card (with stale marks).</summary>
    [Id(0)]
    public MetricView Metric { get; }

    /// <summary>100 × affected / scope, or <see langword="null"/>.</summary>
    [Id(1)]
    public double? Exposure { get; }

    /// <summary>Its member recommendations with their results.</summary>
    [Id(2)]
    public IReadOnlyList<RecommendationView> Recommendations { get; }

    /// <summary>The first affected assets in ordinal id order (at most 100).</summary>
    [Id(3)]
    public IReadOnlyList<AssetView> TopAffectedAssets { get; }

    /// <summary>Its part in every initiative that contains it.</summary>
    [Id(4)]
    public IReadOnlyList<MetricContributionView> Initiatives { get; }

    /// <summary>Its 14-day trend.</summary>
    [Id(5)]
    public TrendView Trend { get; }
}

/// <summary>An asset.</summary>
[GenerateSerializer, Immutable]
public sealed class AssetView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="name">Its display name, if known.</param>
    public AssetView(string id, string kind, string? name)
    {
        Id = id;
        Kind = kind;
        Name = name;
    }

    /// <summary>Its id.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Its kind.</summary>
    [Id(1)]
    public string Kind { get; }

    /// <summary>Its display name, if known.</summary>
    [Id(2)]
    public string? Name { get; }
}

/// <summary>A metric's part in an initiative's score (rules §3): Σw, its weight, score, contribution and score impact.</summary>
[GenerateSerializer, Immutable]
public sealed class MetricContributionView
{
    /// <summary>Creates the message.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="metricId">The metric.</param>
    /// <param name="weight">The metric's weight.</param>
    /// <param name="numericWeight">Its numeric weight.</param>
    /// <param name="metricScore">Its score, or <see langword="null"/>.</param>
    /// <param name="isIncluded">Whether it counts (available, weight above 0).</param>
    /// <param name="contribution">w × p / Σw, or <see langword="null"/>.</param>
    /// <param name="scoreImpact">w × (100 − p) / Σw: what the initiative gains if the metric reaches 100.</param>
    /// <param name="initiativeScore">The initiative's score.</param>
    /// <param name="weightSum">Σw of the initiative's included metrics.</param>
    public MetricContributionView(string initiativeId, string metricId, MetricWeight weight, double numericWeight, double? metricScore, bool isIncluded, double? contribution, double? scoreImpact, double? initiativeScore, double weightSum)
    {
        InitiativeId = initiativeId;
        MetricId = metricId;
        Weight = weight;
        NumericWeight = numericWeight;
        MetricScore = metricScore;
        IsIncluded = isIncluded;
        Contribution = contribution;
        ScoreImpact = scoreImpact;
        InitiativeScore = initiativeScore;
        WeightSum = weightSum;
    }

    /// <summary>The initiative.</summary>
    [Id(0)]
    public string InitiativeId { get; }

    /// <summary>The metric.</summary>
    [Id(1)]
    public string MetricId { get; }

    /// <summary>The metric's weight.</summary>
    [Id(2)]
    public MetricWeight Weight { get; }

    /// <summary>Its numeric weight.</summary>
    [Id(3)]
    public double NumericWeight { get; }

    /// <summary>Its score, or <see langword="null"/>.</summary>
    [Id(4)]
    public double? MetricScore { get; }

    /// <summary>Whether it counts (available, weight above 0).</summary>
    [Id(5)]
    public bool IsIncluded { get; }

    /// <summary>w × p / Σw, or <see langword="null"/>.</summary>
    [Id(6)]
    public double? Contribution { get; }

    /// <summary>w × (100 − p) / Σw: what the initiative gains if the metric reaches 100.</summary>
    [Id(7)]
    public double? ScoreImpact { get; }

    /// <summary>The initiative's score.</summary>
    [Id(8)]
    public double? InitiativeScore { get; }

    /// <summary>Σw of the initiative's included metrics.</summary>
    [Id(9)]
    public double WeightSum { get; }
}

/// <summary>An initiative in detail, with the explanation of its score.</summary>
[GenerateSerializer, Immutable]
public sealed class InitiativeDetailView
{
    /// <summary>Creates the message.</summary>
    /// <param name="initiative">Its score on the card (with stale marks).</param>
    /// <param name="weightSum">Σw of its included metrics.</param>
    /// <param name="metrics">Each metric's weight, score, contribution and score impact.</param>
    /// <param name="points">For an initiative without metrics: its points (achieved, max); else <see langword="null"/>.</param>
    /// <param name="recommendations">Its recommendations (through its metrics or listed directly).</param>
    /// <param name="history">Its changes of more than 2.5 points, with the reason.</param>
    /// <param name="trend">Its 14-day trend.</param>
    /// <param name="movement24Hours">The change of its score over the last 24 hours, or <see langword="null"/>.</param>
    public InitiativeDetailView(InitiativeView initiative, double weightSum, IReadOnlyList<MetricContributionView> metrics, PointsView? points, IReadOnlyList<RecommendationView> recommendations, IReadOnlyList<InitiativeChangeView> history, TrendView trend, double? movement24Hours)
    {
        Initiative = initiative;
        WeightSum = weightSum;
        Metrics = metrics;
        Points = points;
        Recommendations = recommendations;
        History = history;
        Trend = trend;
        Movement24Hours = movement24Hours;
    }

    /// <summary>Its score on the card (with stale marks).</summary>
    [Id(0)]
    public InitiativeView Initiative { get; }

    /// <summary>Σw of its included metrics.</summary>
    [Id(1)]
    public double WeightSum { get; }

    /// <summary>Each metric's weight, score, contribution and score impact.</summary>
    [Id(2)]
    public IReadOnlyList<MetricContributionView> Metrics { get; }

    /// <summary>For an initiative without metrics: its points (achieved, max); else <see langword="null"/>.</summary>
    [Id(3)]
    public PointsView? Points { get; }

    /// <summary>Its recommendations (through its metrics or listed directly).</summary>
    [Id(4)]
    public IReadOnlyList<RecommendationView> Recommendations { get; }

    /// <summary>Its changes of more than 2.5 points, with the reason.</summary>
    [Id(5)]
    public IReadOnlyList<InitiativeChangeView> History { get; }

    /// <summary>Its 14-day trend.</summary>
    [Id(6)]
    public TrendView Trend { get; }

    /// <summary>The change of its score over the last 24 hours, or <see langword="null"/>.</summary>
    [Id(7)]
    public double? Movement24Hours { get; }
}

/// <summary>A change of an initiative's score of more than 2.5 points.</summary>
[GenerateSerializer, Immutable]
public sealed class InitiativeChangeView
{
    /// <summary>Creates the message.</summary>
    /// <param name="date">When.</param>
    /// <param name="previousScore">The score before.</param>
    /// <param name="currentScore">The score after.</param>
    /// <param name="reasons">Why (PropertyChange, ValueChange, MetricRemoved, MetricDeprecated).</param>
    public InitiativeChangeView(DateTimeOffset date, double? previousScore, double? currentScore, IReadOnlyList<string> reasons)
    {
        Date = date;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
        Reasons = reasons;
    }

    /// <summary>When.</summary>
    [Id(0)]
    public DateTimeOffset Date { get; }

    /// <summary>The score before.</summary>
    [Id(1)]
    public double? PreviousScore { get; }

    /// <summary>The score after.</summary>
    [Id(2)]
    public double? CurrentScore { get; }

    /// <summary>Why (PropertyChange, ValueChange, MetricRemoved, MetricDeprecated).</summary>
    [Id(3)]
    public IReadOnlyList<string> Reasons { get; }
}

/// <summary>A score's trend: one point per calendar day (the day's latest card), its change and drift.</summary>
[GenerateSerializer, Immutable]
public sealed class TrendView
{
    /// <summary>Creates the message.</summary>
    /// <param name="kind">Secure Score, metric or initiative.</param>
    /// <param name="id">The metric or initiative id (empty for Secure Score).</param>
    /// <param name="points">The points, oldest first.</param>
    /// <param name="change">Last minus first, or <see langword="null"/>.</param>
    /// <param name="drift">The least-squares slope in points per day, or <see langword="null"/>.</param>
    public TrendView(ScoreSubjectKind kind, string id, IReadOnlyList<TrendPointView> points, double? change, double? drift)
    {
        Kind = kind;
        Id = id;
        Points = points;
        Change = change;
        Drift = drift;
    }

    /// <summary>Secure Score, metric or initiative.</summary>
    [Id(0)]
    public ScoreSubjectKind Kind { get; }

    /// <summary>The metric or initiative id (empty for Secure Score).</summary>
    [Id(1)]
    public string Id { get; }

    /// <summary>The points, oldest first.</summary>
    [Id(2)]
    public IReadOnlyList<TrendPointView> Points { get; }

    /// <summary>Last minus first, or <see langword="null"/>.</summary>
    [Id(3)]
    public double? Change { get; }

    /// <summary>The least-squares slope in points per day, or <see langword="null"/>.</summary>
    [Id(4)]
    public double? Drift { get; }
}

/// <summary>One point of a trend.</summary>
[GenerateSerializer, Immutable]
public sealed class TrendPointView
{
    /// <summary>Creates the message.</summary>
    /// <param name="date">The calendar day.</param>
    /// <param name="asOf">The card's time.</param>
    /// <param name="score">The score.</param>
    public TrendPointView(DateOnly date, DateTimeOffset asOf, double score)
    {
        Date = date;
        AsOf = asOf;
        Score = score;
    }

    /// <summary>The calendar day.</summary>
    [Id(0)]
    public DateOnly Date { get; }

    /// <summary>The card's time.</summary>
    [Id(1)]
    public DateTimeOffset AsOf { get; }

    /// <summary>The score.</summary>
    [Id(2)]
    public double Score { get; }
}
