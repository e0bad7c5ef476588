namespace ExposureSdk.Scoring;

/// <summary>
/// The snapshot in the normalized form the reference rollup reads: every list sorted by ordinal id,
/// memberships resolved to indices (<see cref="ScoringTopology"/>, the same as the fast path's). What-if scenarios copy it and change results; nothing here is static.
/// </summary>
internal sealed class ScoringInput
{
    private ScoringInput(
        string tenantId,
        DateTimeOffset asOf,
        Recommendation[] recommendations,
        ScoringTopology topology,
        AssetId[][] assets,
        AssessmentStatus[][] statuses,
        ComplianceState?[] explicitStates,
        ResultCounts?[] counts)
    {
        TenantId = tenantId;
        AsOf = asOf;
        Recommendations = recommendations;
        Topology = topology;
        Assets = assets;
        Statuses = statuses;
        ExplicitStates = explicitStates;
        Counts = counts;
    }

    public string TenantId { get; }

    public DateTimeOffset AsOf { get; }

    public Recommendation[] Recommendations { get; }

    /// <summary>Metric members, initiative members and the reverse maps (shared with every what-if copy).</summary>
    public ScoringTopology Topology { get; }

    public Dictionary<RecommendationId, int> RecommendationIndex => Topology.RecommendationIndex;

    /// <summary>Per recommendation, the assessed asset ids (parallel to <see cref="Statuses"/>).</summary>
    public AssetId[][] Assets { get; }

    public AssessmentStatus[][] Statuses { get; }

    /// <summary>Per recommendation, the explicit state (what-if may drop it).</summary>
    public ComplianceState?[] ExplicitStates { get; }

    public ResultCounts?[] Counts { get; }

    public Metric[] Metrics => Topology.Metrics;

    public Initiative[] Initiatives => Topology.Initiatives;

    public static ScoringInput From(ExposureSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var recommendations = snapshot.Recommendations.OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToArray();
        var topology = ScoringTopology.Build(recommendations, snapshot.Metrics, snapshot.Initiatives);
        var index = topology.RecommendationIndex;
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

        return new ScoringInput(
            snapshot.TenantId,
            snapshot.AsOf,
            recommendations,
            topology,
            assets,
            statuses,
            recommendations.Select(r => r.State).ToArray(),
            recommendations.Select(r => r.Counts).ToArray());
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

        return new ScoringInput(TenantId, AsOf, Recommendations, Topology, Assets, statuses, explicitStates, counts);
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
