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
    /// <param name="description">What the initiative is about; empty or white-space text is absent (<see langword="null"/>).</param>
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
        Id = id;
        Name = name;
        Kind = kind;
        MetricIds = metricIds as IReadOnlyList<MetricId> ?? [.. metricIds ?? []];
        RecommendationIds = recommendationIds as IReadOnlyList<RecommendationId> ?? [.. recommendationIds ?? []];
        TargetScore = targetScore;
        IsFavorite = isFavorite;
        Description = description;
    }

    /// <summary>The initiative's identifier.</summary>
    /// <exception cref="ArgumentException">Set (in a <see langword="with"/> expression) to the default value.</exception>
    public InitiativeId Id
    {
        get;
        init => field = Guard.NotDefault(value, "An initiative needs an identifier.", "id");
    }

    /// <summary>The display name.</summary>
    /// <exception cref="ArgumentException">Set to an empty or too long name, or one holding a lone surrogate.</exception>
    public string Name
    {
        get;
        init => field = Guard.Identifier(value, "name");
    }

    /// <summary>The kind of goal.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not defined.</exception>
    public InitiativeKind Kind
    {
        get;
        init => field = Guard.Defined(value, "kind");
    }

    /// <summary>The metrics it rolls up (a copy of what was given, without repeats).</summary>
    /// <exception cref="ArgumentException">Set to a list that holds a default id.</exception>
    public IReadOnlyList<MetricId> MetricIds
    {
        get;
        init => field = Guard.Distinct(value, "metricIds");
    }

    /// <summary>For a recommendation-only initiative, its recommendations (a copy of what was given, without repeats).</summary>
    /// <exception cref="ArgumentException">Set to a list that holds a default id.</exception>
    public IReadOnlyList<RecommendationId> RecommendationIds
    {
        get;
        init => field = Guard.Distinct(value, "recommendationIds");
    }

    /// <summary>The user-set target score (0–100), if any.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value outside 0–100.</exception>
    public double? TargetScore
    {
        get;
        init => field = Guard.Percentage(value, "targetScore");
    }

    /// <summary>Whether the user marked it as a favorite.</summary>
    public bool IsFavorite { get; init; }

    /// <summary>What the initiative is about.</summary>
    /// <exception cref="ArgumentException">Set to a text that is too long or holds a lone surrogate.</exception>
    public string? Description
    {
        get;
        init => field = Guard.OptionalNonBlankText(value, Guard.MaxTextLength, "description");
    }

    /// <summary>
    /// Structural equality: every property is equal, and <see cref="MetricIds"/> and
    /// <see cref="RecommendationIds"/> hold equal ids in the same order.
    /// </summary>
    /// <param name="other">The other initiative.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(Initiative? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Id == other.Id
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && Kind == other.Kind
            && ListEquality.Equal(MetricIds, other.MetricIds)
            && ListEquality.Equal(RecommendationIds, other.RecommendationIds)
            && Nullable.Equals(TargetScore, other.TargetScore)
            && IsFavorite == other.IsFavorite
            && string.Equals(Description, other.Description, StringComparison.Ordinal));

    /// <summary>A hash code consistent with <see cref="Equals(Initiative)"/> (list items included).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Kind);
        ListEquality.AddTo(ref hash, MetricIds);
        ListEquality.AddTo(ref hash, RecommendationIds);
        hash.Add(TargetScore);
        hash.Add(IsFavorite);
        hash.Add(Description, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>Whether the initiative is scored by points over recommendations (it lists no metrics).</summary>
    public bool IsRecommendationOnly => MetricIds.Count == 0;
}
