using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// Groups recommendations that apply to similar assets and measures the share of those assets that
/// are exposed (domain rules §3). Members are the recommendations listed by id plus those the
/// <see cref="Selector"/> selects.
/// </summary>
public sealed record Metric
{
    /// <summary>Creates a metric.</summary>
    /// <param name="id">The metric's identifier, unique within a snapshot.</param>
    /// <param name="name">The display name (for example "Percent of admins without MFA").</param>
    /// <param name="weight">The weight in every initiative that contains the metric.</param>
    /// <param name="recommendationIds">Member recommendations by id.</param>
    /// <param name="selector">Member recommendations by attribute.</param>
    /// <param name="description">What the metric measures; empty or white-space text is absent (<see langword="null"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is the default value, the name is empty, or a member id is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not a defined value.</exception>
    public Metric(
        MetricId id,
        string name,
        MetricWeight weight,
        IEnumerable<RecommendationId>? recommendationIds = null,
        MetricSelector? selector = null,
        string? description = null)
    {
        if (id == default)
        {
            throw new ArgumentException("A metric needs an identifier.", nameof(id));
        }

        Id = id;
        Name = Guard.Identifier(name);
        Weight = Guard.Defined(weight);
        RecommendationIds = Guard.Distinct(recommendationIds);
        Selector = selector;
        Description = Guard.OptionalNonBlankText(description, Guard.MaxTextLength);
    }

    /// <summary>The metric's identifier.</summary>
    public MetricId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The weight in every initiative that contains the metric.</summary>
    public MetricWeight Weight { get; }

    /// <summary>Member recommendations by id.</summary>
    public IReadOnlyList<RecommendationId> RecommendationIds { get; }

    /// <summary>Member recommendations by attribute, or <see langword="null"/>.</summary>
    public MetricSelector? Selector { get; }

    /// <summary>What the metric measures.</summary>
    public string? Description { get; }

    /// <summary>Whether a recommendation is a member: listed by id or selected by the selector.</summary>
    /// <param name="recommendation">The recommendation.</param>
    /// <returns><see langword="true"/> when it is a member.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recommendation"/> is <see langword="null"/>.</exception>
    public bool Includes(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return RecommendationIds.Contains(recommendation.Id) || (Selector?.Matches(recommendation) ?? false);
    }
}
