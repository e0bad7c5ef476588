using ExposureSdk.ScoreCards;

namespace ExposureSdk.History.Sqlite.CrashWriter;

/// <summary>The deterministic card number n that the writer appends and the test checks.</summary>
public static class CrashCards
{
    public const string Tenant = "crash-tenant";

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MetricCount = 150;

    public static DateTimeOffset AsOf(int n) => Start.AddMinutes(n);

    public static double SecureScore(int n) => n % 101;

    public static ScoreCard Card(int n)
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
                Enumerable.Range(0, 40).Select(a => new AssetId($"asset-{n}-{m}-{a:D3}")).ToArray()));
        }

        var initiative = new ScoreCardInitiative("initiative-a", "Initiative A", n % 100, ScoreAvailability.Available, null, metrics.Select(m => new ScoreCardInitiativeMetric(m.Id, m.Weight, m.NumericWeight)).ToArray(), [], 80);
        return new ScoreCard(Tenant, AsOf(n), SecureScore(n), metrics, [initiative]);
    }

    /// <summary>The tenant of rebuild trial k.</summary>
    public static string RebuildTenant(int k) => "rebuild-" + k.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Day d of the history rebuilt for tenant k: card number d's content, that tenant, rebuilt from a source's history.</summary>
    public static ScoreCard RebuiltCard(int k, int d)
    {
        var card = Card(d);
        return new ScoreCard(RebuildTenant(k), Start.AddDays(d), card.SecureScore, card.Metrics, card.Initiatives, ScoreCardOrigin.SourceHistory);
    }
}
