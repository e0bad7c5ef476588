using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// Selects a metric's member recommendations by their attributes: every non-empty list must match,
/// and each list matches when the recommendation has any of its values (any-of within a list, all-of
/// across lists). A selector with no non-empty list selects nothing.
/// </summary>
/// <remarks>
/// Domains, workloads and sources compare case-insensitively; threats and tags too. Impacts select by the
/// recommendation's <see cref="Recommendation.Impact"/> (for example the high-severity recommendations of
/// the cloud domain).
/// </remarks>
public sealed record MetricSelector
{
    /// <summary>Creates a selector.</summary>
    /// <param name="domains">Match recommendations in any of these domains.</param>
    /// <param name="workloads">Match recommendations for any of these workloads.</param>
    /// <param name="sources">Match recommendations from any of these sources.</param>
    /// <param name="threats">Match recommendations that mitigate any of these threats.</param>
    /// <param name="tags">Match recommendations that carry any of these tags.</param>
    /// <param name="impacts">Match recommendations with any of these impacts.</param>
    /// <exception cref="ArgumentException">A list contains a default value, an empty string or an undefined <see cref="Impact"/>.</exception>
    public MetricSelector(
        IEnumerable<SecurityDomain>? domains = null,
        IEnumerable<Workload>? workloads = null,
        IEnumerable<RecommendationSource>? sources = null,
        IEnumerable<string>? threats = null,
        IEnumerable<string>? tags = null,
        IEnumerable<Impact>? impacts = null)
    {
        Domains = Guard.Distinct(domains);
        Workloads = Guard.Distinct(workloads);
        Sources = Guard.Distinct(sources);
        Threats = Guard.Strings(threats);
        Tags = Guard.Strings(tags);
        Impacts = CopyImpacts(impacts);
    }

    /// <summary>The domains to match (any of).</summary>
    public IReadOnlyList<SecurityDomain> Domains { get; }

    /// <summary>The workloads to match (any of).</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>The sources to match (any of).</summary>
    public IReadOnlyList<RecommendationSource> Sources { get; }

    /// <summary>The threats to match (any of).</summary>
    public IReadOnlyList<string> Threats { get; }

    /// <summary>The tags to match (any of).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The impacts to match (any of).</summary>
    public IReadOnlyList<Impact> Impacts { get; }

    /// <summary>Whether the selector has no criteria, and so selects nothing.</summary>
    public bool IsEmpty => Domains.Count == 0 && Workloads.Count == 0 && Sources.Count == 0 && Threats.Count == 0 && Tags.Count == 0 && Impacts.Count == 0;

    /// <summary>Whether the selector selects a recommendation.</summary>
    /// <param name="recommendation">The recommendation.</param>
    /// <returns><see langword="true"/> when every non-empty list matches; <see langword="false"/> for an empty selector.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recommendation"/> is <see langword="null"/>.</exception>
    public bool Matches(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (IsEmpty)
        {
            return false;
        }

        return (Domains.Count == 0 || Domains.Contains(recommendation.Domain))
            && (Workloads.Count == 0 || Workloads.Contains(recommendation.Workload))
            && (Sources.Count == 0 || Sources.Contains(recommendation.Source))
            && (Threats.Count == 0 || Overlaps(Threats, recommendation.Threats))
            && (Tags.Count == 0 || Overlaps(Tags, recommendation.Tags))
            && (Impacts.Count == 0 || Impacts.Contains(recommendation.Impact));
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<Impact> CopyImpacts(IEnumerable<Impact>? impacts)
    {
        if (impacts is null)
        {
            return [];
        }

        var list = new List<Impact>(3);
        foreach (var impact in impacts)
        {
            if (impact is not (Impact.High or Impact.Medium or Impact.Low))
            {
                throw new ArgumentException($"The collection must not contain the undefined impact {(int)impact}.", nameof(impacts));
            }

            if (!list.Contains(impact))
            {
                list.Add(impact);
            }
        }

        return list.AsReadOnly();
    }

    private static bool Overlaps(IReadOnlyList<string> wanted, IReadOnlyList<string> actual)
    {
        foreach (var w in wanted)
        {
            foreach (var a in actual)
            {
                if (string.Equals(w, a, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
