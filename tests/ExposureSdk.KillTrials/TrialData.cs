using System.Globalization;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.KillTrials;

/// <summary>The deterministic data each writer writes, so the runner knows exactly what an acknowledged write holds.</summary>
public static class TrialData
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MetricCount = 60;

    public const int TopIds = 20;

    /// <summary>Days in one rebuilt history.</summary>
    public const int RebuildDays = 20;

    public static string Tenant(string writer, int trial) => writer + "-" + trial.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Card number <paramref name="n"/> of a tenant: 60 metrics with 20 top affected ids each.</summary>
    public static ScoreCard Card(string tenant, int n, DateTimeOffset asOf, ScoreCardOrigin origin = ScoreCardOrigin.Refresh)
    {
        var metrics = new List<ScoreCardMetric>(MetricCount);
        for (var m = 0; m < MetricCount; m++)
        {
            var scope = 1000 + m;
            var affected = (n + m) % scope;
            metrics.Add(new ScoreCardMetric(
                $"metric-{m:D3}",
                $"Metric {m}",
                MetricWeight.Medium,
                2,
                100.0 * (scope - affected) / scope,
                affected,
                scope,
                ScoreAvailability.Available,
                null,
                [new RecommendationId($"rec-{m:D3}")],
                [new InitiativeId("initiative-a")],
                Enumerable.Range(0, TopIds).Select(a => new AssetId($"asset-{n}-{m}-{a:D3}")).ToArray()));
        }

        var initiative = new ScoreCardInitiative("initiative-a", "Initiative A", n % 100, ScoreAvailability.Available, null, metrics.Select(x => new ScoreCardInitiativeMetric(x.Id, x.Weight, x.NumericWeight)).ToArray(), [], 80);
        return new ScoreCard(tenant, asOf, n % 101, metrics, [initiative], origin);
    }

    public static DateTimeOffset AppendAsOf(int n) => Start.AddMinutes(n);

    public static DateTimeOffset RebuildAsOf(int day) => Start.AddDays(day);

    /// <summary>Version <paramref name="n"/> of the snapshot the export writer writes: 40 recommendations × 50 assets, results depending on n.</summary>
    public static ExposureSnapshot ExportSnapshot(int n)
    {
        var recommendations = Enumerable.Range(0, 40).Select(r => new Recommendation($"rec-{r:D2}", $"Recommendation {r}", "Kill trials", "Trial workload", SecurityDomain.Devices, Enum.GetValues<Impact>()[r % Enum.GetValues<Impact>().Length], description: $"Version {n}")).ToArray();
        var assessments = new List<Assessment>(2000);
        foreach (var r in recommendations)
        {
            for (var a = 0; a < 50; a++)
            {
                assessments.Add(new Assessment(r.Id, $"asset-{a:D3}", (AssessmentStatus)((n + a + r.Id.Value.Length) % 3)));
            }
        }

        return new ExposureSnapshot("export-" + n.ToString(CultureInfo.InvariantCulture), Start.AddMinutes(n), recommendations, null, assessments);
    }
}
