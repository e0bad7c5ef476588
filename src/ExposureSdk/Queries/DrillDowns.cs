using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Queries;

/// <summary>A metric in detail: its score, member recommendations, top affected assets and 14-day trend.</summary>
public sealed class MetricDrillDown
{
    internal MetricDrillDown(MetricScore score, ScoreCardMetric card, IReadOnlyList<RecommendationScore> recommendations, IReadOnlyList<Asset> topAffectedAssets, ScoreTrend trend)
    {
        Score = score;
        Card = card;
        Recommendations = recommendations;
        TopAffectedAssets = topAffectedAssets;
        Trend = trend;
    }

    /// <summary>The engine's score of the metric in the latest refresh.</summary>
    public MetricScore Score { get; }

    /// <summary>The metric's entry on the latest card: availability (stale with the reason when its source failed).</summary>
    public ScoreCardMetric Card { get; }

    /// <summary>The member recommendations, by name.</summary>
    public IReadOnlyList<RecommendationScore> Recommendations { get; }

    /// <summary>The first affected assets (at most 100, ordinal id order); an asset no source described has kind Unknown.</summary>
    public IReadOnlyList<Asset> TopAffectedAssets { get; }

    /// <summary>The daily trend over the last 14 days (the day's latest available score), with change and drift.</summary>
    public ScoreTrend Trend { get; }
}

/// <summary>An initiative in detail: its metrics, recommendations, history, 14-day trend, 24-hour movement and target.</summary>
public sealed class InitiativeDrillDown
{
    internal InitiativeDrillDown(
        InitiativeScore score,
        ScoreCardInitiative card,
        IReadOnlyList<MetricScore> metrics,
        IReadOnlyList<RecommendationScore> recommendations,
        IReadOnlyList<InitiativeHistoryEntry> history,
        ScoreTrend trend,
        ScoreMovement movement24Hours)
    {
        Score = score;
        Card = card;
        Metrics = metrics;
        Recommendations = recommendations;
        History = history;
        Trend = trend;
        Movement24Hours = movement24Hours;
    }

    /// <summary>The engine's score of the initiative in the latest refresh (with <see cref="InitiativeScore.TargetScore"/> and <see cref="InitiativeScore.GapToTarget"/>).</summary>
    public InitiativeScore Score { get; }

    /// <summary>The initiative's entry on the latest card: availability (stale with the reason when a source failed).</summary>
    public ScoreCardInitiative Card { get; }

    /// <summary>Its metrics, in the initiative's order.</summary>
    public IReadOnlyList<MetricScore> Metrics { get; }

    /// <summary>Its recommendations (directly listed or through its metrics), by name.</summary>
    public IReadOnlyList<RecommendationScore> Recommendations { get; }

    /// <summary>
    /// Its history over the stored cards (retention window), oldest first: every change of more than 2.5
    /// points between consecutive cards, with its reasons (<see cref="InitiativeChangeReason"/>) and the
    /// exposed-asset changes (top 100), as computed by <see cref="InitiativeHistory.Build"/>.
    /// </summary>
    public IReadOnlyList<InitiativeHistoryEntry> History { get; }

    /// <summary>The daily trend over the last 14 days, with change and drift.</summary>
    public ScoreTrend Trend { get; }

    /// <summary>The movement over the last 24 hours.</summary>
    public ScoreMovement Movement24Hours { get; }

    /// <summary>The user-set target, if any.</summary>
    public double? TargetScore => Score.TargetScore;
}
