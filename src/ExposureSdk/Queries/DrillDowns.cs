using ExposureSdk.Events;
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

/// <summary>Why an initiative's score moved by more than 2.5 points between two cards (domain rules §4).</summary>
public enum InitiativeChangeReason
{
    /// <summary>Metric values changed.</summary>
    ValueChange = 0,

    /// <summary>A metric's weight changed.</summary>
    PropertyChange = 1,

    /// <summary>A metric was removed from the initiative.</summary>
    MetricRemoved = 2,
}

/// <summary>One entry of an initiative's history: its score on one stored card, and the reason for a large move.</summary>
public sealed class InitiativeHistoryEntry
{
    internal InitiativeHistoryEntry(DateTimeOffset asOf, double? score, ScoreAvailability availability, double? change, InitiativeChangeReason? reason)
    {
        AsOf = asOf;
        Score = score;
        Availability = availability;
        Change = change;
        Reason = reason;
    }

    /// <summary>The card's time, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The score, or <see langword="null"/> when absent.</summary>
    public double? Score { get; }

    /// <summary>Whether the score could be compared.</summary>
    public ScoreAvailability Availability { get; }

    /// <summary>The change in points since the previous entry with an available score, or <see langword="null"/>.</summary>
    public double? Change { get; }

    /// <summary>Why the score moved, when it moved by more than 2.5 points; otherwise <see langword="null"/>.</summary>
    public InitiativeChangeReason? Reason { get; }
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

    /// <summary>Its score on every stored card of the retention window, oldest first, with the reason for each move above 2.5 points.</summary>
    public IReadOnlyList<InitiativeHistoryEntry> History { get; }

    /// <summary>The daily trend over the last 14 days, with change and drift.</summary>
    public ScoreTrend Trend { get; }

    /// <summary>The movement over the last 24 hours.</summary>
    public ScoreMovement Movement24Hours { get; }

    /// <summary>The user-set target, if any.</summary>
    public double? TargetScore => Score.TargetScore;
}
