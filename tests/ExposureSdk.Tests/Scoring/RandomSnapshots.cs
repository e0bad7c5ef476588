using System.Globalization;
using System.Text;
using ExposureSdk.Scoring;

namespace ExposureSdk.Tests.Scoring;

/// <summary>Seeded random snapshots for property-style tests, and a bit-exact dump of a report.</summary>
internal static class RandomSnapshots
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    public static ExposureSnapshot Create(Random random, int maxAssets = 40, int maxRecommendations = 12, int maxMetrics = 8, int maxInitiatives = 5)
    {
        var assetCount = random.Next(0, maxAssets + 1);
        var recCount = random.Next(0, maxRecommendations + 1);
        string[] sources = ["Microsoft Secure Score", "CIS Benchmark", "partner x"];
        string[] domains = ["Devices", "Identity", "Cloud"];
        var recs = new List<Recommendation>();
        var assessments = new List<Assessment>();
        for (var r = 0; r < recCount; r++)
        {
            var id = $"rec-{r:D2}";
            var countOnly = random.Next(6) == 0;
            ComplianceState? state = random.Next(8) switch
            {
                0 => ComplianceState.MitigatedByOrganization,
                1 => ComplianceState.Compliant,
                _ => null,
            };
            ResultCounts? counts = null;
            if (countOnly)
            {
                var total = random.Next(0, 50);
                counts = new ResultCounts(random.Next(0, total + 1), total);
            }

            double? maxPoints = random.Next(4) == 0 ? null : Math.Round(random.NextDouble() * 10, random.Next(0, 4));
            recs.Add(new Recommendation(id, "Rec " + id, sources[random.Next(sources.Length)], "Intune", domains[random.Next(domains.Length)], Impact.Medium,
                maxPoints: maxPoints, state: state, isRiskAccepted: random.Next(10) == 0, counts: counts, tags: random.Next(3) == 0 ? ["t"] : null));
            if (!countOnly)
            {
                for (var a = 0; a < assetCount; a++)
                {
                    var roll = random.Next(10);
                    if (roll < 4)
                    {
                        continue;
                    }

                    var status = roll < 5 ? AssessmentStatus.NotApplicable : roll < 8 ? AssessmentStatus.Healthy : AssessmentStatus.Unhealthy;
                    assessments.Add(new Assessment(id, $"asset-{a:D4}", status));
                }
            }
        }

        var metrics = new List<Metric>();
        var metricCount = random.Next(0, maxMetrics + 1);
        for (var m = 0; m < metricCount; m++)
        {
            var members = recs.Where(_ => random.Next(3) == 0).Select(r => r.Id).ToArray();
            var selector = random.Next(5) == 0 ? new MetricSelector(tags: ["t"]) : null;
            metrics.Add(new Metric($"metric-{m:D2}", "Metric " + m, (MetricWeight)random.Next(4), members, selector));
        }

        var initiatives = new List<Initiative>();
        var initiativeCount = random.Next(0, maxInitiatives + 1);
        for (var i = 0; i < initiativeCount; i++)
        {
            var metricIds = random.Next(4) == 0 ? [] : metrics.Where(_ => random.Next(2) == 0).Select(x => x.Id).ToArray();
            var recIds = recs.Where(_ => random.Next(4) == 0).Select(x => x.Id).ToArray();
            initiatives.Add(new Initiative($"init-{i:D2}", "Initiative " + i, InitiativeKind.Workload, metricIds, recIds));
        }

        return new ExposureSnapshot("tenant-r", AsOf, recs, null, assessments, metrics, initiatives);
    }

    public static ExposureSnapshot Shuffled(ExposureSnapshot s, Random random) => new(
        s.TenantId,
        s.AsOf,
        Shuffle(s.Recommendations, random),
        Shuffle(s.Assets, random),
        Shuffle(s.Assessments, random),
        Shuffle(s.Metrics, random),
        Shuffle(s.Initiatives, random));

    public static T[] Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }

    /// <summary>Every number of a report with its exact bits, so two dumps are equal only when the reports are bit-identical.</summary>
    public static string Dump(ScoreReport report)
    {
        var sb = new StringBuilder();
        sb.Append("secure ").Append(Bits(report.SecureScore.AchievedPoints)).Append(' ').Append(Bits(report.SecureScore.MaxPoints)).AppendLine();
        foreach (var r in report.Recommendations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rec {r.Id} {r.State} {r.DerivedState} explicit={r.IsStateExplicit} {r.ResultKind} {r.Healthy} {r.Unhealthy} {r.NotApplicable} {Bits(r.Points.AchievedPoints)} {Bits(r.Points.MaxPoints)} {r.CountsTowardPoints} [{string.Join(',', r.MetricIds)}] [{string.Join(',', r.InitiativeIds)}]").AppendLine();
        }

        foreach (var m in report.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"metric {m.Id} {m.Weight} {Bits(m.NumericWeight)} {m.Scope} {m.Affected} {Bits(m.Exposure)} {Bits(m.Score)} [{string.Join(',', m.RecommendationIds)}] [{string.Join(',', m.InitiativeIds)}] [{string.Join(',', m.TopAffectedAssetIds)}] approx={m.IsApproximate}").AppendLine();
        }

        foreach (var i in report.Initiatives)
        {
            sb.Append(CultureInfo.InvariantCulture, $"init {i.Id} {Bits(i.Score)} {Bits(i.WeightSum)} {(i.Points is { } p ? Bits(p.AchievedPoints) + "/" + Bits(p.MaxPoints) : "-")} approx={i.IsApproximate}").AppendLine();
            foreach (var c in i.Metrics)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {c.MetricId} {c.Weight} {Bits(c.NumericWeight)} {Bits(c.MetricScore)} {c.IsIncluded} {Bits(c.Contribution)} {Bits(c.ScoreImpact)}").AppendLine();
            }
        }

        foreach (var b in report.BySource.Concat(report.ByWorkload).Concat(report.ByDomain))
        {
            sb.Append(CultureInfo.InvariantCulture, $"group {b.Key} {Bits(b.Points.AchievedPoints)} {Bits(b.Points.MaxPoints)} {b.RecommendationCount} {b.CompliantCount} {b.NotCompliantCount} {b.MitigatedCount} {b.NotAvailableCount} {b.RiskAcceptedCount}").AppendLine();
        }

        return sb.ToString();
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "null";
}
