namespace ExposureSdk.Scoring;

/// <summary>
/// The scored state of one metric (domain rules §3).
/// </summary>
/// <remarks>
/// Scope = assets with at least one healthy or unhealthy result for any member recommendation;
/// Affected = assets in scope with at least one unhealthy result (an asset counts once). Count-only
/// members add their total to the scope and their affected count to Affected (summed). Members in state
/// MitigatedByOrganization count as healthy; risk-accepted members are left out (Decision).
/// Exposure = 100 × affected / scope; Score (progress) = 100 − exposure. Scope 0 → unavailable: no
/// score, excluded from every initiative, never the subject of a drop event.
/// </remarks>
public sealed class MetricScore
{
    internal MetricScore(
        Metric metric,
        MetricWeight weight,
        double numericWeight,
        long scope,
        long affected,
        IReadOnlyList<RecommendationId> recommendationIds,
        IReadOnlyList<InitiativeId> initiativeIds,
        IReadOnlyList<AssetId> topAffectedAssetIds,
        bool isApproximate)
    {
        Id = metric.Id;
        Name = metric.Name;
        Weight = weight;
        NumericWeight = numericWeight;
        Scope = scope;
        Affected = affected;
        Score = Compute(scope, affected, out var exposure);
        Exposure = exposure;

        RecommendationIds = recommendationIds;
        InitiativeIds = initiativeIds;
        TopAffectedAssetIds = topAffectedAssetIds;
        IsApproximate = isApproximate;
    }

    /// <summary>
    /// Rules §3: a metric's affected and scope are a sum that can count one asset more than once when
    /// more than one count-only recommendation adds to its scope, or when a count-only one and per-asset
    /// results both do.
    /// </summary>
    /// <param name="countOnlyMembers">The count-only member recommendations whose counts add to the scope (total &gt; 0, not risk-accepted).</param>
    /// <param name="perAssetScope">The assets in scope through per-asset results.</param>
    internal static bool IsSumApproximate(int countOnlyMembers, long perAssetScope)
        => countOnlyMembers > 1 || (countOnlyMembers == 1 && perAssetScope > 0);

    /// <summary>The one place a metric score is computed: exposure = 100 × affected / scope, score = 100 − exposure; both absent when scope is 0.</summary>
    internal static double? Compute(long scope, long affected, out double? exposure)
    {
        if (scope <= 0)
        {
            exposure = null;
            return null;
        }

        var e = 100.0 * affected / scope;
        exposure = e;
        return 100.0 - e;
    }

    /// <summary>The number of affected asset ids listed at most in <see cref="TopAffectedAssetIds"/>: 100.</summary>
    public const int TopAffectedLimit = 100;

    /// <summary>The metric's identifier.</summary>
    public MetricId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The weight.</summary>
    public MetricWeight Weight { get; }

    /// <summary>The numeric weight under the scoring options (0 for risk accepted).</summary>
    public double NumericWeight { get; }

    /// <summary>The number of assets in scope (including count-only totals).</summary>
    public long Scope { get; }

    /// <summary>The number of affected assets (including count-only affected counts).</summary>
    public long Affected { get; }

    /// <summary>Exposure in percent (100 × affected / scope); <see langword="null"/> when unavailable.</summary>
    public double? Exposure { get; }

    /// <summary>The metric score (progress) in percent, 100 − exposure; <see langword="null"/> when unavailable.</summary>
    public double? Score { get; }

    /// <summary>Whether the metric has a score (scope greater than 0).</summary>
    public bool IsAvailable => Scope > 0;

    /// <summary>The member recommendations (by id or selector), in ordinal id order.</summary>
    public IReadOnlyList<RecommendationId> RecommendationIds { get; }

    /// <summary>The initiatives that contain the metric, in ordinal id order.</summary>
    public IReadOnlyList<InitiativeId> InitiativeIds { get; }

    /// <summary>The first <see cref="TopAffectedLimit"/> affected asset ids in ordinal order (per-asset results only).</summary>
    public IReadOnlyList<AssetId> TopAffectedAssetIds { get; }

    /// <summary>
    /// <see langword="true"/> when <see cref="Scope"/> and <see cref="Affected"/> are sums that can count one
    /// asset more than once (rules §3): more than one count-only recommendation adds to the scope (a source
    /// gave only "affected of total", so the assets behind two counts cannot be told apart), or a count-only
    /// recommendation and per-asset results both do. The score is then an approximation, and every output
    /// that shows it says so. A metric of per-asset results only, or of one count-only recommendation, is exact.
    /// </summary>
    public bool IsApproximate { get; }
}
