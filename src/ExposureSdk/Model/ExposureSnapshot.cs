using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// One tenant at one point in time: what the sources said, before scoring. This is the input of the
/// scoring engine and the in-memory form of the snapshot document (<c>docs/snapshot-document.md</c>).
/// </summary>
/// <remarks>
/// The constructor checks the references between the parts: identifiers are unique within each list,
/// every assessment, metric and initiative refers to recommendations and metrics that exist, and no
/// asset is assessed twice against the same recommendation. An asset referenced by an assessment but
/// absent from <see cref="Assets"/> is accepted as an asset of kind <see cref="AssetKind.Unknown"/>.
/// </remarks>
public sealed record ExposureSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="tenantId">The tenant the snapshot describes.</param>
    /// <param name="asOf">When the sources were read; stored in UTC.</param>
    /// <param name="recommendations">The recommendations.</param>
    /// <param name="assets">The assets.</param>
    /// <param name="assessments">Per-asset results.</param>
    /// <param name="metrics">The metrics.</param>
    /// <param name="initiatives">The initiatives.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>, or a list contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The tenant id is empty or holds a lone surrogate, an identifier is duplicated, an asset is assessed twice against the same
    /// recommendation, or a reference names a recommendation or metric that does not exist. The
    /// message names the list, the position and the identifier.
    /// </exception>
    public ExposureSnapshot(
        string tenantId,
        DateTimeOffset asOf,
        IEnumerable<Recommendation>? recommendations = null,
        IEnumerable<Asset>? assets = null,
        IEnumerable<Assessment>? assessments = null,
        IEnumerable<Metric>? metrics = null,
        IEnumerable<Initiative>? initiatives = null)
    {
        TenantId = Guard.Identifier(tenantId);
        AsOf = asOf.ToUniversalTime();
        Recommendations = Copy(recommendations, nameof(recommendations));
        Assets = Copy(assets, nameof(assets));
        Assessments = assessments is null ? [] : assessments.ToArray().AsReadOnly();
        Metrics = Copy(metrics, nameof(metrics));
        Initiatives = Copy(initiatives, nameof(initiatives));
        Validate();
    }

    private ExposureSnapshot(
        string tenantId,
        DateTimeOffset asOf,
        IReadOnlyList<Recommendation> recommendations,
        IReadOnlyList<Asset> assets,
        IReadOnlyList<Assessment> assessments,
        IReadOnlyList<Metric> metrics,
        IReadOnlyList<Initiative> initiatives)
    {
        TenantId = Guard.Identifier(tenantId);
        AsOf = asOf.ToUniversalTime();
        Recommendations = recommendations;
        Assets = assets;
        Assessments = assessments;
        Metrics = metrics;
        Initiatives = initiatives;
    }

    /// <summary>
    /// Creates a snapshot from lists that the snapshot document reader built and already checked against
    /// every rule of <see cref="Validate"/>; the lists are taken over, not copied or checked again
    /// (<paramref name="assessments"/> is a read-only list the reader built).
    /// </summary>
    internal static ExposureSnapshot FromValidatedLists(
        string tenantId,
        DateTimeOffset asOf,
        List<Recommendation> recommendations,
        List<Asset> assets,
        IReadOnlyList<Assessment> assessments,
        List<Metric> metrics,
        List<Initiative> initiatives) =>
        new(tenantId, asOf, recommendations.AsReadOnly(), assets.AsReadOnly(), assessments, metrics.AsReadOnly(), initiatives.AsReadOnly());

    /// <summary>The tenant the snapshot describes.</summary>
    public string TenantId { get; }

    /// <summary>When the sources were read, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The recommendations.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; }

    /// <summary>The assets.</summary>
    public IReadOnlyList<Asset> Assets { get; }

    /// <summary>Per-asset results.</summary>
    public IReadOnlyList<Assessment> Assessments { get; }

    /// <summary>The metrics.</summary>
    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>The initiatives.</summary>
    public IReadOnlyList<Initiative> Initiatives { get; }

    private static System.Collections.ObjectModel.ReadOnlyCollection<T> Copy<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        var array = items is null ? [] : items.ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName}[{i}] is null.");
            }
        }

        return array.AsReadOnly();
    }

    private void Validate()
    {
        var recommendationIds = UniqueIds(Recommendations, r => r.Id, "recommendations");
        UniqueIds(Assets, a => a.Id, "assets");
        var metricIds = UniqueIds(Metrics, m => m.Id, "metrics");
        UniqueIds(Initiatives, i => i.Id, "initiatives");

        var pairs = new HashSet<(RecommendationId, AssetId)>(Assessments.Count);
        for (var i = 0; i < Assessments.Count; i++)
        {
            var a = Assessments[i];
            if (a.AssetId == default || a.RecommendationId == default)
            {
                throw new ArgumentException($"assessments[{i}] has no recommendation id or no asset id.", "assessments");
            }

            if (!Enum.IsDefined(a.Status))
            {
                throw new ArgumentException($"assessments[{i}].status '{a.Status}' is not a defined AssessmentStatus.", "assessments");
            }

            if (!recommendationIds.Contains(a.RecommendationId))
            {
                throw new ArgumentException($"assessments[{i}].recommendationId '{a.RecommendationId}' names no recommendation of the snapshot.", "assessments");
            }

            if (!pairs.Add((a.RecommendationId, a.AssetId)))
            {
                throw new ArgumentException($"assessments[{i}] assesses asset '{a.AssetId}' against recommendation '{a.RecommendationId}' a second time.", "assessments");
            }
        }

        for (var i = 0; i < Metrics.Count; i++)
        {
            var ids = Metrics[i].RecommendationIds;
            for (var j = 0; j < ids.Count; j++)
            {
                if (!recommendationIds.Contains(ids[j]))
                {
                    throw new ArgumentException($"metrics[{i}].recommendationIds[{j}] '{ids[j]}' names no recommendation of the snapshot.", "metrics");
                }
            }
        }

        for (var i = 0; i < Initiatives.Count; i++)
        {
            var initiative = Initiatives[i];
            for (var j = 0; j < initiative.MetricIds.Count; j++)
            {
                if (!metricIds.Contains(initiative.MetricIds[j]))
                {
                    throw new ArgumentException($"initiatives[{i}].metricIds[{j}] '{initiative.MetricIds[j]}' names no metric of the snapshot.", "initiatives");
                }
            }

            for (var j = 0; j < initiative.RecommendationIds.Count; j++)
            {
                if (!recommendationIds.Contains(initiative.RecommendationIds[j]))
                {
                    throw new ArgumentException($"initiatives[{i}].recommendationIds[{j}] '{initiative.RecommendationIds[j]}' names no recommendation of the snapshot.", "initiatives");
                }
            }
        }
    }

    private static HashSet<TId> UniqueIds<T, TId>(IReadOnlyList<T> items, Func<T, TId> id, string listName)
    {
        var seen = new HashSet<TId>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(id(items[i])))
            {
                throw new ArgumentException($"{listName}[{i}] repeats the id '{id(items[i])}'.", listName);
            }
        }

        return seen;
    }
}
