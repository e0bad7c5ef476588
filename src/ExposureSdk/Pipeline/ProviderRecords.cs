using ExposureSdk.Providers;

namespace ExposureSdk.Pipeline;

/// <summary>Everything one provider delivered in one successful pull, checked for duplicate ids.</summary>
internal sealed class ProviderRecords
{
    public ProviderRecords(
        string providerName,
        DateTimeOffset pulledAt,
        IReadOnlyList<Recommendation> recommendations,
        IReadOnlyList<Asset> assets,
        IReadOnlyList<Assessment> assessments,
        IReadOnlyList<Metric> metrics,
        IReadOnlyList<Initiative> initiatives,
        SourceCoverage? coverage = null,
        IReadOnlyList<string>? warnings = null)
    {
        Coverage = coverage ?? SourceCoverage.Active;
        Warnings = warnings ?? [];
        ProviderName = providerName;
        PulledAt = pulledAt;
        Recommendations = recommendations;
        Assets = assets;
        Assessments = assessments;
        Metrics = metrics;
        Initiatives = initiatives;
        RecommendationIds = new HashSet<RecommendationId>(recommendations.Select(r => r.Id));
    }

    public string ProviderName { get; }

    public DateTimeOffset PulledAt { get; }

    public IReadOnlyList<Recommendation> Recommendations { get; }

    public IReadOnlyList<Asset> Assets { get; }

    public IReadOnlyList<Assessment> Assessments { get; }

    public IReadOnlyList<Metric> Metrics { get; }

    public IReadOnlyList<Initiative> Initiatives { get; }

    public HashSet<RecommendationId> RecommendationIds { get; }

    /// <summary>What the provider reported the pull covered (Active when it reported nothing).</summary>
    public SourceCoverage Coverage { get; }

    /// <summary>The warnings the provider reported in the pull.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public ProviderRecordCounts Counts => new(
        Recommendations.Count,
        Assets.Count,
        Assessments.Count,
        Metrics.Count,
        Initiatives.Count,
        Assessments.Count(a => a.Status is AssessmentStatus.Healthy or AssessmentStatus.Unhealthy));

    /// <summary>
    /// The records the refresh shows: all of them, except for an inactive source (domain rules §2), whose
    /// recommendations, assets and assessments are not shown (its metrics and initiatives, which are
    /// definitions, are kept).
    /// </summary>
    public ProviderRecords Shown => Coverage.Status != SourceStatus.Inactive
        ? this
        : new ProviderRecords(ProviderName, PulledAt, [], [], [], Metrics, Initiatives, Coverage, Warnings);

    /// <summary>
    /// Whether the pull gave at least one result (domain rules §4): a healthy or unhealthy assessment of a
    /// recommendation in <paramref name="known"/> (the merged refresh's), a count-only result with a total above
    /// 0, or an explicit compliance state other than NotAvailable.
    /// </summary>
    /// <param name="known">The recommendations of the merged refresh.</param>
    /// <returns>Whether the provider supplied a result.</returns>
    public bool HasResults(IReadOnlyDictionary<RecommendationId, IReadOnlyList<string>> known)
    {
        foreach (var r in Recommendations)
        {
            if (r.Counts is { Total: > 0 } || r.State is ComplianceState.Compliant or ComplianceState.NotCompliant or ComplianceState.MitigatedByOrganization)
            {
                return true;
            }
        }

        foreach (var a in Assessments)
        {
            if (a.Status is AssessmentStatus.Healthy or AssessmentStatus.Unhealthy && known.ContainsKey(a.RecommendationId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws an <see cref="ExposureSourceException"/> naming the first id the provider gave twice.</summary>
    public void CheckDistinctIds()
    {
        Distinct(Recommendations, r => r.Id, "recommendations");
        Distinct(Assets, a => a.Id, "assets");
        Distinct(Metrics, m => m.Id, "metrics");
        Distinct(Initiatives, i => i.Id, "initiatives");
        var pairs = new HashSet<(RecommendationId, AssetId)>();
        for (var i = 0; i < Assessments.Count; i++)
        {
            var a = Assessments[i];
            if (a.RecommendationId == default || a.AssetId == default)
            {
                throw new ExposureSourceException(ProviderName, $"assessments[{i}] has no recommendation id or no asset id.", field: "assessments");
            }

            if (!Enum.IsDefined(a.Status))
            {
                throw new ExposureSourceException(ProviderName, $"assessments[{i}] has an undefined status '{a.Status}'.", recordId: a.RecommendationId.Value, field: "status");
            }

            if (!pairs.Add((a.RecommendationId, a.AssetId)))
            {
                throw new ExposureSourceException(ProviderName, $"assessments[{i}] assesses asset '{a.AssetId}' against '{a.RecommendationId}' a second time.", recordId: a.RecommendationId.Value, field: "assessments");
            }
        }
    }

    private void Distinct<T, TId>(IReadOnlyList<T> items, Func<T, TId> id, string list)
    {
        var seen = new HashSet<TId>();
        for (var i = 0; i < items.Count; i++)
        {
            var value = id(items[i]);
            if (!seen.Add(value))
            {
                throw new ExposureSourceException(ProviderName, $"{list}[{i}] repeats the id '{value}'.", recordId: value?.ToString(), field: list);
            }
        }
    }
}
