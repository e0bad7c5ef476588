using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// Groups metrics (or, for threat initiatives, recommendations only) around a security goal and rolls
/// them up into a score from 0 to 100 (domain rules §3).
/// </summary>
/// <remarks>
/// An initiative that lists metrics is scored from its metrics, even if it also lists
/// recommendations; one that lists only recommendations is scored by points.
/// </remarks>
public sealed record Initiative
{
    /// <summary>Creates an initiative.</summary>
    /// <param name="id">The initiative's identifier, unique within a snapshot.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The kind of goal.</param>
    /// <param name="metricIds">The metrics it rolls up.</param>
    /// <param name="recommendationIds">For a recommendation-only initiative, its recommendations.</param>
    /// <param name="targetScore">A user-set target score, 0 to 100.</param>
    /// <param name="isFavorite">Whether the user marked it as a favorite (favorites are listed first).</param>
    /// <param name="description">What the initiative is about.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is the default value, the name is empty, or a member id is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined or <paramref name="targetScore"/> is outside 0–100.</exception>
    public Initiative(
        InitiativeId id,
        string name,
        InitiativeKind kind,
        IEnumerable<MetricId>? metricIds = null,
        IEnumerable<RecommendationId>? recommendationIds = null,
        double? targetScore = null,
        bool isFavorite = false,
        string? description = null)
    {
        if (id == default)
        {
            throw new ArgumentException("An initiative needs an identifier.", nameof(id));
        }

        Id = id;
        Name = Guard.Identifier(name);
        Kind = Guard.Defined(kind);
        MetricIds = Guard.Distinct(metricIds);
        RecommendationIds = Guard.Distinct(recommendationIds);
        TargetScore = Guard.Percentage(targetScore);
        IsFavorite = isFavorite;
        Description = Guard.OptionalText(description, Guard.MaxTextLength);
    }

    /// <summary>The initiative's identifier.</summary>
    public InitiativeId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The kind of goal.</summary>
    public InitiativeKind Kind { get; }

    /// <summary>The metrics it rolls up.</summary>
    public IReadOnlyList<MetricId> MetricIds { get; }

    /// <summary>For a recommendation-only initiative, its recommendations.</summary>
    public IReadOnlyList<RecommendationId> RecommendationIds { get; }

    /// <summary>The user-set target score (0–100), if any.</summary>
    public double? TargetScore { get; }

    /// <summary>Whether the user marked it as a favorite.</summary>
    public bool IsFavorite { get; }

    /// <summary>What the initiative is about.</summary>
    public string? Description { get; }

    /// <summary>Whether the initiative is scored by points over recommendations (it lists no metrics).</summary>
    public bool IsRecommendationOnly => MetricIds.Count == 0;
}
