namespace ExposureSdk.ScoreCards;

/// <summary>One metric on a score card.</summary>
public sealed class ScoreCardMetric
{
    /// <summary>Creates a metric entry.</summary>
    /// <param name="id">The metric id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="weight">The weight.</param>
    /// <param name="numericWeight">The numeric weight used for scoring (0 or more, finite).</param>
    /// <param name="score">The score in percent (0–100), or <see langword="null"/>.</param>
    /// <param name="affected">Affected assets (0 or more, at most <paramref name="scope"/>).</param>
    /// <param name="scope">Assets in scope (0 or more).</param>
    /// <param name="availability">Whether the score can be compared.</param>
    /// <param name="staleReason">Why the data is stale, if it is (a lone surrogate in it becomes U+FFFD).</param>
    /// <param name="recommendationIds">Member recommendation ids.</param>
    /// <param name="initiativeIds">Ids of the initiatives that contain it.</param>
    /// <param name="topAffectedAssetIds">The first affected asset ids in ordinal order (at most 100 kept).</param>
    /// <param name="isApproximate">Whether the score is approximate (rules §3; see <see cref="IsApproximate"/>).</param>
    /// <exception cref="ArgumentException">The id is the default (empty) value, the name is empty or holds a lone surrogate (ill-formed UTF-16), or a list holds a default id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number or enum value is out of range.</exception>
    public ScoreCardMetric(
        MetricId id,
        string name,
        MetricWeight weight,
        double numericWeight,
        double? score,
        long affected,
        long scope,
        ScoreAvailability availability,
        string? staleReason,
        IReadOnlyList<RecommendationId>? recommendationIds,
        IReadOnlyList<InitiativeId>? initiativeIds,
        IReadOnlyList<AssetId>? topAffectedAssetIds,
        bool isApproximate = false)
    {
        IsApproximate = isApproximate;
        CardChecks.Id(id, nameof(id));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Internal.Guard.WellFormed(name, nameof(name));
        if (!Enum.IsDefined(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"Metric '{id}': not a defined MetricWeight.");
        }

        if (!double.IsFinite(numericWeight) || numericWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numericWeight), numericWeight, $"Metric '{id}': the numeric weight must be finite and 0 or more.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scope);
        ArgumentOutOfRangeException.ThrowIfNegative(affected);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(affected, scope);
        Id = id;
        Name = name;
        Weight = weight;
        NumericWeight = numericWeight;
        Score = CardChecks.Score(score, nameof(score));
        Affected = affected;
        Scope = scope;
        Availability = CardChecks.Availability(availability);
        StaleReason = staleReason is null ? null : Internal.Guard.ReplaceLoneSurrogates(staleReason);
        RecommendationIdArray = CardChecks.Ids(recommendationIds, nameof(recommendationIds), int.MaxValue);
        InitiativeIdArray = CardChecks.Ids(initiativeIds, nameof(initiativeIds), int.MaxValue);
        TopAffectedAssetIdArray = CardChecks.Ids(topAffectedAssetIds, nameof(topAffectedAssetIds), Scoring.MetricScore.TopAffectedLimit);
        RecommendationIds = RecommendationIdArray.AsReadOnly();
        InitiativeIds = InitiativeIdArray.AsReadOnly();
        TopAffectedAssetIds = TopAffectedAssetIdArray.AsReadOnly();
    }

    /// <summary>The metric id.</summary>
    public MetricId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The weight.</summary>
    public MetricWeight Weight { get; }

    /// <summary>The numeric weight used for scoring.</summary>
    public double NumericWeight { get; }

    /// <summary>The score in percent, or <see langword="null"/>.</summary>
    public double? Score { get; }

    /// <summary>Affected assets.</summary>
    public long Affected { get; }

    /// <summary>Assets in scope.</summary>
    public long Scope { get; }

    /// <summary>Whether the score can be compared.</summary>
    public ScoreAvailability Availability { get; }

    /// <summary>Why the data is stale, if it is.</summary>
    public string? StaleReason { get; }

    /// <summary>Member recommendation ids, in ordinal order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationIds { get; }

    /// <summary>Ids of the initiatives that contain the metric, in ordinal order.</summary>
    public IReadOnlyList<InitiativeId> InitiativeIds { get; }

    /// <summary>The first affected asset ids in ordinal order (at most 100).</summary>
    public IReadOnlyList<AssetId> TopAffectedAssetIds { get; }

    /// <summary>The array behind <see cref="RecommendationIds"/> (never written).</summary>
    internal RecommendationId[] RecommendationIdArray { get; }

    /// <summary>The array behind <see cref="InitiativeIds"/> (never written).</summary>
    internal InitiativeId[] InitiativeIdArray { get; }

    /// <summary>The array behind <see cref="TopAffectedAssetIds"/> (never written).</summary>
    internal AssetId[] TopAffectedAssetIdArray { get; }

    /// <summary>
    /// Whether the score is approximate (rules §3): its scope and affected counts are sums that can count
    /// one asset more than once (several count-only recommendations, or counts mixed with per-asset results).
    /// Cards stored before this mark existed read as <see langword="false"/>.
    /// </summary>
    public bool IsApproximate { get; }

    internal ScoreCardMetric WithAvailability(ScoreAvailability availability, string? reason) =>
        new(Id, Name, Weight, NumericWeight, Score, Affected, Scope, availability, reason, RecommendationIdArray, InitiativeIdArray, TopAffectedAssetIdArray, IsApproximate);
}
