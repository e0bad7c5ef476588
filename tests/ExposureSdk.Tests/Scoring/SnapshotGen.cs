using CsCheck;

namespace ExposureSdk.Tests.Scoring;

/// <summary>
/// CsCheck generators of snapshots for the engine's property tests: the same shapes as
/// <see cref="RandomSnapshots.Create"/> (count-only and per-asset recommendations, explicit states, risk
/// acceptance, missing points, tags a selector picks up, metrics and initiatives over random members), built
/// from generated choices so that a failing case shrinks to a small snapshot.
/// </summary>
internal static class SnapshotGen
{
    private static readonly string[] Sources = ["Microsoft Secure Score", "CIS Benchmark", "partner x"];
    private static readonly string[] Domains = ["Devices", "Identity", "Cloud"];

    /// <summary>A snapshot of at most the given sizes.</summary>
    public static Gen<ExposureSnapshot> Snapshot(int maxAssets = 40, int maxRecommendations = 12, int maxMetrics = 8, int maxInitiatives = 5) =>
        from assetCount in Gen.Int[0, maxAssets]
        from recs in Recommendation(assetCount).Array[0, maxRecommendations]
        from metrics in Metric(recs.Length).Array[0, maxMetrics]
        from initiatives in Initiative(recs.Length, metrics.Length).Array[0, maxInitiatives]
        select Build(recs, metrics, initiatives);

    /// <summary>A weight of the four.</summary>
    public static Gen<MetricWeight> Weight { get; } = Gen.Int[0, 3].Select(w => (MetricWeight)w);

    private static Gen<RecSpec> Recommendation(int assetCount) =>
        from countOnly in Gen.Int[0, 5]
        from state in Gen.Int[0, 7]
        from total in Gen.Int[0, 49]
        from affected in Gen.Int[0, total]
        from points in Gen.Int[0, 3].SelectMany(has => has == 0 ? Gen.Const((double?)null) : Gen.Select(Gen.Double[0, 10], Gen.Int[0, 3], (p, digits) => (double?)Math.Round(p, digits)))
        from source in Gen.Int[0, Sources.Length - 1]
        from domain in Gen.Int[0, Domains.Length - 1]
        from riskAccepted in Gen.Int[0, 9]
        from tagged in Gen.Int[0, 2]
        from rolls in Gen.Int[0, 9].Array[assetCount]
        select new RecSpec(countOnly == 0, state, affected, total, points, source, domain, riskAccepted == 0, tagged == 0, rolls);

    private static Gen<MetricSpec> Metric(int recCount) =>
        from weight in Weight
        from members in Gen.Int[0, 2].Array[recCount]
        from selector in Gen.Int[0, 4]
        select new MetricSpec(weight, members, selector == 0);

    private static Gen<InitiativeSpec> Initiative(int recCount, int metricCount) =>
        from noMetrics in Gen.Int[0, 3]
        from metrics in Gen.Bool.Array[metricCount]
        from recs in Gen.Int[0, 3].Array[recCount]
        select new InitiativeSpec(noMetrics == 0, metrics, recs);

    private static ExposureSnapshot Build(RecSpec[] specs, MetricSpec[] metricSpecs, InitiativeSpec[] initiativeSpecs)
    {
        var recs = new List<Recommendation>(specs.Length);
        var assessments = new List<Assessment>();
        for (var r = 0; r < specs.Length; r++)
        {
            var s = specs[r];
            var id = $"rec-{r:D2}";
            ComplianceState? state = s.State switch
            {
                0 => ComplianceState.MitigatedByOrganization,
                1 => ComplianceState.Compliant,
                _ => null,
            };
            recs.Add(new Recommendation(id, "Rec " + id, Sources[s.Source], "Intune", Domains[s.Domain], Impact.Medium,
                maxPoints: s.MaxPoints, state: state, isRiskAccepted: s.RiskAccepted, counts: s.CountOnly ? new ResultCounts(s.Affected, s.Total) : null, tags: s.Tagged ? ["t"] : null));
            if (s.CountOnly)
            {
                continue;
            }

            for (var a = 0; a < s.Rolls.Length; a++)
            {
                var roll = s.Rolls[a];
                if (roll < 4)
                {
                    continue;
                }

                var status = roll < 5 ? AssessmentStatus.NotApplicable : roll < 8 ? AssessmentStatus.Healthy : AssessmentStatus.Unhealthy;
                assessments.Add(new Assessment(id, $"asset-{a:D4}", status));
            }
        }

        var metrics = new List<Metric>(metricSpecs.Length);
        for (var m = 0; m < metricSpecs.Length; m++)
        {
            var s = metricSpecs[m];
            var members = recs.Where((_, i) => s.Members[i] == 0).Select(r => r.Id).ToArray();
            metrics.Add(new Metric($"metric-{m:D2}", "Metric " + m, s.Weight, members, s.Selector ? new MetricSelector(tags: ["t"]) : null));
        }

        var initiatives = new List<Initiative>(initiativeSpecs.Length);
        for (var i = 0; i < initiativeSpecs.Length; i++)
        {
            var s = initiativeSpecs[i];
            var metricIds = s.NoMetrics ? [] : metrics.Where((_, k) => s.Metrics[k]).Select(x => x.Id).ToArray();
            var recIds = recs.Where((_, k) => s.Recommendations[k] == 0).Select(x => x.Id).ToArray();
            initiatives.Add(new Initiative($"init-{i:D2}", "Initiative " + i, InitiativeKind.Workload, metricIds, recIds));
        }

        return new ExposureSnapshot("tenant-r", RandomSnapshots.AsOf, recs, null, assessments, metrics, initiatives);
    }

    /// <summary>A failing case as a snapshot document, so it can be read back and replayed.</summary>
    public static string Print(ExposureSnapshot snapshot) => System.Text.Encoding.UTF8.GetString(SnapshotDocument.WriteToUtf8Bytes(snapshot, new SnapshotWriteOptions { Indented = false }));

    private sealed record RecSpec(bool CountOnly, int State, int Affected, int Total, double? MaxPoints, int Source, int Domain, bool RiskAccepted, bool Tagged, int[] Rolls);

    private sealed record MetricSpec(MetricWeight Weight, int[] Members, bool Selector);

    private sealed record InitiativeSpec(bool NoMetrics, bool[] Metrics, int[] Recommendations);
}
