using System.Globalization;
using BenchmarkDotNet.Attributes;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Benchmarks.Events;

/// <summary>
/// Score-drop detection (domain-rules §4) between yesterday's and today's score cards holding
/// 10,000 scored series (9,000 metrics of 10 recommendations and 10 top affected assets each, and
/// 1,000 initiatives of 9 metrics each; seeded). About 10% of the series drop by 2 points or more,
/// 2% are unavailable on one of the days. Baseline: one pass that only compares the two days'
/// scores per series (no lookups, no events): the floor for any detector.
/// </summary>
[MemoryDiagnoser]
public class DropDetectionBenchmarks
{
    private ScoreCard _yesterday = null!;
    private ScoreCard _today = null!;
    private double[] _yesterdayScores = null!;
    private double[] _todayScores = null!;

    [Params(10_000)]
    public int Series { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) => (int)parameters[nameof(Series)];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261121);
        var initiatives = Series / 10;
        var metrics = Series - initiatives;
        var yesterdayMetrics = new List<ScoreCardMetric>(metrics);
        var todayMetrics = new List<ScoreCardMetric>(metrics);
        _yesterdayScores = new double[Series];
        _todayScores = new double[Series];
        for (var m = 0; m < metrics; m++)
        {
            var id = "metric-" + m.ToString("D5", CultureInfo.InvariantCulture);
            var weight = (MetricWeight)(1 + (m % 3));
            var recommendations = Enumerable.Range(0, 10).Select(r => new RecommendationId("rec-" + ((m * 7) + r).ToString(CultureInfo.InvariantCulture))).ToArray();
            InitiativeId[] initiativeIds = [new InitiativeId("initiative-" + (m % initiatives).ToString("D4", CultureInfo.InvariantCulture))];
            var scope = 1_000 + random.Next(9_000);
            var affectedBefore = random.Next(scope / 2);
            var roll = random.NextDouble();
            var affectedNow = roll < 0.10 ? affectedBefore + (scope / 40) + random.Next(scope / 20) : Math.Max(0, affectedBefore + random.Next(-5, 6));
            affectedNow = Math.Min(affectedNow, scope);
            var unavailableToday = roll is > 0.10 and < 0.12;
            yesterdayMetrics.Add(Metric(id, weight, affectedBefore, scope, ScoreAvailability.Available, recommendations, initiativeIds, m, 0));
            todayMetrics.Add(unavailableToday
                ? Metric(id, weight, 0, 0, ScoreAvailability.Unavailable, recommendations, initiativeIds, m, 1)
                : Metric(id, weight, affectedNow, scope, ScoreAvailability.Available, recommendations, initiativeIds, m, 1));
            _yesterdayScores[m] = yesterdayMetrics[^1].Score ?? double.NaN;
            _todayScores[m] = todayMetrics[^1].Score ?? double.NaN;
        }

        var yesterdayInitiatives = new List<ScoreCardInitiative>(initiatives);
        var todayInitiatives = new List<ScoreCardInitiative>(initiatives);
        for (var i = 0; i < initiatives; i++)
        {
            var id = "initiative-" + i.ToString("D4", CultureInfo.InvariantCulture);
            var members = Enumerable.Range(0, metrics / initiatives)
                .Select(k => yesterdayMetrics[i + (k * initiatives)])
                .Select(m => new ScoreCardInitiativeMetric(m.Id, m.Weight, m.NumericWeight))
                .ToArray();
            yesterdayInitiatives.Add(Initiative(id, members, yesterdayMetrics));
            todayInitiatives.Add(Initiative(id, members, todayMetrics));
            _yesterdayScores[metrics + i] = yesterdayInitiatives[^1].Score ?? double.NaN;
            _todayScores[metrics + i] = todayInitiatives[^1].Score ?? double.NaN;
        }

        var asOf = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        _yesterday = new ScoreCard("bench-tenant", asOf.AddDays(-1), 61.5, yesterdayMetrics, yesterdayInitiatives);
        _today = new ScoreCard("bench-tenant", asOf, 60.9, todayMetrics, todayInitiatives);
        var events = ScoreDropDetector.Detect(_yesterday, _today);
        if (events.Count == 0)
        {
            throw new InvalidOperationException("The generated score cards raise no event; the benchmark would measure nothing.");
        }
    }

    [Benchmark(Baseline = true, Description = "Floor: compare two score arrays")]
    public int CompareScores()
    {
        var drops = 0;
        var yesterday = _yesterdayScores;
        var today = _todayScores;
        for (var i = 0; i < yesterday.Length; i++)
        {
            if (yesterday[i] - today[i] >= 2 - 1e-9)
            {
                drops++;
            }
        }

        return drops;
    }

    [Benchmark(Description = "ScoreDropDetector.Detect (events with effects and causes)")]
    public IReadOnlyList<SecurityEvent> Detect() => ScoreDropDetector.Detect(_yesterday, _today);

    private static ScoreCardMetric Metric(string id, MetricWeight weight, long affected, long scope, ScoreAvailability availability, RecommendationId[] recommendations, InitiativeId[] initiatives, int index, int day)
    {
        var top = Enumerable.Range(0, 10).Select(a => new AssetId("asset-" + ((index * 13) + a + (day * 3)).ToString("D7", CultureInfo.InvariantCulture))).ToArray();
        double? score = scope == 0 ? null : 100.0 - (100.0 * affected / scope);
        return new ScoreCardMetric(id, id, weight, (double)weight, score, affected, scope, availability, null, recommendations, initiatives, scope == 0 ? [] : top);
    }

    private static ScoreCardInitiative Initiative(string id, ScoreCardInitiativeMetric[] members, List<ScoreCardMetric> metrics)
    {
        double weighted = 0, weights = 0;
        foreach (var member in members)
        {
            var metric = metrics[int.Parse(member.MetricId.Value.AsSpan(7), CultureInfo.InvariantCulture)];
            if (metric.Score is { } p && member.NumericWeight > 0)
            {
                weighted += member.NumericWeight * p;
                weights += member.NumericWeight;
            }
        }

        double? score = weights > 0 ? weighted / weights : null;
        return new ScoreCardInitiative(id, id, score, score is null ? ScoreAvailability.Unavailable : ScoreAvailability.Available, null, members, [], null);
    }
}
