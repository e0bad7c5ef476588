namespace ExposureSdk.Scoring;

/// <summary>
/// The snapshot in the normalized form the reference rollup reads: every list sorted by ordinal id,
/// memberships resolved to indices. What-if scenarios copy it and change results; nothing here is static.
/// </summary>
internal sealed class ScoringInput
{
    private ScoringInput(
        string tenantId,
        DateTimeOffset asOf,
        Recommendation[] recommendations,
        AssetId[][] assets,
        AssessmentStatus[][] statuses,
        ComplianceState?[] explicitStates,
        ResultCounts?[] counts,
        Metric[] metrics,
        int[][] metricMembers,
        Initiative[] initiatives,
        int[][] initiativeMetrics,
        int[][] initiativeRecommendations)
    {
        TenantId = tenantId;
        AsOf = asOf;
        Recommendations = recommendations;
        Assets = assets;
        Statuses = statuses;
        ExplicitStates = explicitStates;
        Counts = counts;
        Metrics = metrics;
        MetricMembers = metricMembers;
        Initiatives = initiatives;
        InitiativeMetrics = initiativeMetrics;
        InitiativeRecommendations = initiativeRecommendations;
        RecommendationIndex = new Dictionary<RecommendationId, int>(recommendations.Length);
        for (var i = 0; i < recommendations.Length; i++)
        {
            RecommendationIndex.Add(recommendations[i].Id, i);
        }
    }

    public string TenantId { get; }

    public DateTimeOffset AsOf { get; }

    public Recommendation[] Recommendations { get; }

    public Dictionary<RecommendationId, int> RecommendationIndex { get; }

    /// <summary>Per recommendation, the assessed asset ids (parallel to <see cref="Statuses"/>).</summary>
    public AssetId[][] Assets { get; }

    public AssessmentStatus[][] Statuses { get; }

    /// <summary>Per recommendation, the explicit state (what-if may drop it).</summary>
    public ComplianceState?[] ExplicitStates { get; }

    public ResultCounts?[] Counts { get; }

    public Metric[] Metrics { get; }

    /// <summary>Per metric, member recommendation indices in ascending (ordinal id) order.</summary>
    public int[][] MetricMembers { get; }

    public Initiative[] Initiatives { get; }

    /// <summary>Per initiative, metric indices in ascending (ordinal id) order.</summary>
    public int[][] InitiativeMetrics { get; }

    /// <summary>Per initiative, directly listed recommendation indices in ascending (ordinal id) order.</summary>
    public int[][] InitiativeRecommendations { get; }

    public static ScoringInput From(ExposureSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var recommendations = snapshot.Recommendations.OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToArray();
        var index = new Dictionary<RecommendationId, int>(recommendations.Length);
        for (var i = 0; i < recommendations.Length; i++)
        {
            index.Add(recommendations[i].Id, i);
        }

        var perRecommendation = new int[recommendations.Length];
        foreach (var a in snapshot.Assessments)
        {
            perRecommendation[index[a.RecommendationId]]++;
        }

        var assets = new AssetId[recommendations.Length][];
        var statuses = new AssessmentStatus[recommendations.Length][];
        for (var i = 0; i < recommendations.Length; i++)
        {
            assets[i] = new AssetId[perRecommendation[i]];
            statuses[i] = new AssessmentStatus[perRecommendation[i]];
            perRecommendation[i] = 0;
        }

        foreach (var a in snapshot.Assessments)
        {
            var r = index[a.RecommendationId];
            var k = perRecommendation[r]++;
            assets[r][k] = a.AssetId;
            statuses[r][k] = a.Status;
        }

        var metrics = snapshot.Metrics.OrderBy(m => m.Id.Value, StringComparer.Ordinal).ToArray();
        var members = new int[metrics.Length][];
        for (var m = 0; m < metrics.Length; m++)
        {
            var listed = new HashSet<RecommendationId>(metrics[m].RecommendationIds);
            var selector = metrics[m].Selector;
            var list = new List<int>();
            for (var r = 0; r < recommendations.Length; r++)
            {
                if (listed.Contains(recommendations[r].Id) || (selector?.Matches(recommendations[r]) ?? false))
                {
                    list.Add(r);
                }
            }

            members[m] = [.. list];
        }

        var metricIndex = new Dictionary<MetricId, int>(metrics.Length);
        for (var m = 0; m < metrics.Length; m++)
        {
            metricIndex.Add(metrics[m].Id, m);
        }

        var initiatives = snapshot.Initiatives.OrderBy(x => x.Id.Value, StringComparer.Ordinal).ToArray();
        var initiativeMetrics = new int[initiatives.Length][];
        var initiativeRecommendations = new int[initiatives.Length][];
        for (var i = 0; i < initiatives.Length; i++)
        {
            initiativeMetrics[i] = initiatives[i].MetricIds.Select(id => metricIndex[id]).Order().ToArray();
            initiativeRecommendations[i] = initiatives[i].RecommendationIds.Select(id => index[id]).Order().ToArray();
        }

        return new ScoringInput(
            snapshot.TenantId,
            snapshot.AsOf,
            recommendations,
            assets,
            statuses,
            recommendations.Select(r => r.State).ToArray(),
            recommendations.Select(r => r.Counts).ToArray(),
            metrics,
            members,
            initiatives,
            initiativeMetrics,
            initiativeRecommendations);
    }

    /// <summary>
    /// A copy in which the scenario's recommendations and assets are remediated: unhealthy results become
    /// healthy, count-only results become 0 affected of the same total, and a remediated recommendation's
    /// explicit state (other than MitigatedByOrganization) is dropped so that its state is derived.
    /// </summary>
    public ScoringInput Remediate(RemediationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var statuses = (AssessmentStatus[][])Statuses.Clone();
        var explicitStates = (ComplianceState?[])ExplicitStates.Clone();
        var counts = (ResultCounts?[])Counts.Clone();
        var copied = new bool[statuses.Length];

        foreach (var id in scenario.Recommendations)
        {
            var r = IndexOf(id, "recommendations");
            var s = Copy(statuses, copied, r);
            for (var k = 0; k < s.Length; k++)
            {
                if (s[k] == AssessmentStatus.Unhealthy)
                {
                    s[k] = AssessmentStatus.Healthy;
                }
            }

            if (counts[r] is { } c)
            {
                counts[r] = new ResultCounts(0, c.Total);
            }

            if (explicitStates[r] is { } state && state != ComplianceState.MitigatedByOrganization)
            {
                explicitStates[r] = null;
            }
        }

        var byRecommendation = new Dictionary<int, HashSet<AssetId>>();
        foreach (var target in scenario.Assets)
        {
            var r = IndexOf(target.RecommendationId, "assets");
            if (!byRecommendation.TryGetValue(r, out var set))
            {
                set = [];
                byRecommendation.Add(r, set);
            }

            set.Add(target.AssetId);
        }

        foreach (var (r, set) in byRecommendation)
        {
            var s = Copy(statuses, copied, r);
            var ids = Assets[r];
            for (var k = 0; k < s.Length; k++)
            {
                if (s[k] == AssessmentStatus.Unhealthy && set.Contains(ids[k]))
                {
                    s[k] = AssessmentStatus.Healthy;
                }
            }
        }

        return new ScoringInput(TenantId, AsOf, Recommendations, Assets, statuses, explicitStates, counts, Metrics, MetricMembers, Initiatives, InitiativeMetrics, InitiativeRecommendations);
    }

    private int IndexOf(RecommendationId id, string list) =>
        RecommendationIndex.TryGetValue(id, out var r)
            ? r
            : throw new ArgumentException($"The remediation scenario's {list} name recommendation '{id}', which the snapshot does not have.", nameof(id));

    private static AssessmentStatus[] Copy(AssessmentStatus[][] statuses, bool[] copied, int r)
    {
        if (!copied[r])
        {
            statuses[r] = (AssessmentStatus[])statuses[r].Clone();
            copied[r] = true;
        }

        return statuses[r];
    }
}
