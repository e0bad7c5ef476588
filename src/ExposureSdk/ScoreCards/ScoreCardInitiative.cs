namespace ExposureSdk.ScoreCards;

/// <summary>One initiative on a score card.</summary>
public sealed class ScoreCardInitiative
{
    /// <summary>Creates an initiative entry.</summary>
    /// <param name="id">The initiative id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="score">The score in percent (0–100), or <see langword="null"/>.</param>
    /// <param name="availability">Whether the score can be compared.</param>
    /// <param name="staleReason">Why the data is stale, if it is (a lone surrogate in it becomes U+FFFD).</param>
    /// <param name="metrics">Its metrics and their weights.</param>
    /// <param name="recommendationIds">The recommendations it lists directly.</param>
    /// <param name="targetScore">The user-set target (0–100), if any.</param>
    /// <param name="isApproximate">Whether the score is approximate (rules §3; see <see cref="IsApproximate"/>).</param>
    /// <exception cref="ArgumentException">The id is the default (empty) value, the name is empty or holds a lone surrogate (ill-formed UTF-16), a metric is listed twice, or a list holds a default id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0–100 or the availability is not defined.</exception>
    public ScoreCardInitiative(
        InitiativeId id,
        string name,
        double? score,
        ScoreAvailability availability,
        string? staleReason,
        IReadOnlyList<ScoreCardInitiativeMetric>? metrics,
        IReadOnlyList<RecommendationId>? recommendationIds,
        double? targetScore,
        bool isApproximate = false)
    {
        IsApproximate = isApproximate;
        CardChecks.Id(id, nameof(id));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Internal.Guard.WellFormed(name, nameof(name));
        Id = id;
        Name = name;
        Score = CardChecks.Score(score, nameof(score));
        Availability = CardChecks.Availability(availability);
        StaleReason = staleReason is null ? null : Internal.Guard.ReplaceLoneSurrogates(staleReason);
        var m = CardChecks.NoNulls(metrics, nameof(metrics)).OrderBy(x => x.MetricId).ToArray();
        if (m.Select(x => x.MetricId).Distinct().Count() != m.Length)
        {
            throw new ArgumentException($"Initiative '{id}' lists a metric twice.", nameof(metrics));
        }

        MetricArray = m;
        Metrics = m.AsReadOnly();
        RecommendationIdArray = CardChecks.Ids(recommendationIds, nameof(recommendationIds), int.MaxValue);
        RecommendationIds = RecommendationIdArray.AsReadOnly();
        TargetScore = CardChecks.Score(targetScore, nameof(targetScore));
    }

    /// <summary>The initiative id.</summary>
    public InitiativeId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The score in percent, or <see langword="null"/>.</summary>
    public double? Score { get; }

    /// <summary>Whether the score can be compared.</summary>
    public ScoreAvailability Availability { get; }

    /// <summary>Why the data is stale, if it is.</summary>
    public string? StaleReason { get; }

    /// <summary>Its metrics and their weights, in ordinal metric id order.</summary>
    public IReadOnlyList<ScoreCardInitiativeMetric> Metrics { get; }

    /// <summary>The recommendations it lists directly, in ordinal order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationIds { get; }

    /// <summary>The array behind <see cref="Metrics"/> (never written).</summary>
    internal ScoreCardInitiativeMetric[] MetricArray { get; }

    /// <summary>The array behind <see cref="RecommendationIds"/> (never written).</summary>
    internal RecommendationId[] RecommendationIdArray { get; }

    /// <summary>The user-set target, if any.</summary>
    public double? TargetScore { get; }

    /// <summary>
    /// Whether the score is approximate (rules §3): an approximate metric counts toward it. Cards stored
    /// before this mark existed read as <see langword="false"/>.
    /// </summary>
    public bool IsApproximate { get; }

    internal ScoreCardInitiative WithAvailability(ScoreAvailability availability, string? reason) =>
        new(Id, Name, Score, availability, reason, MetricArray, RecommendationIdArray, TargetScore, IsApproximate);
}
