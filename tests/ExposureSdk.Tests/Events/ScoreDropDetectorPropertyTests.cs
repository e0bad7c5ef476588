using System.Globalization;
using System.Text;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Tests.Events;

/// <summary>
/// <see cref="ScoreDropDetector.Detect"/> against a plain reference written from domain rules §4 (lookups by
/// id through the public API, no merge joins, no caching): the same events, field for field and bit for bit,
/// on random pairs of cards whose id lists interleave, whose metrics and initiatives are unavailable or stale
/// on either day, whose listed initiatives may not contain the metric, and whose top lists may be full.
/// Every failure message names the seed.
/// </summary>
public sealed class ScoreDropDetectorPropertyTests
{
    private static readonly DateTimeOffset Today = CardBuilders.Today;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 4; i++)
        {
            data.Add(4_100_017 + (i * 7_919));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Detect_RandomCards_EqualsThePlainReference(int seed)
    {
        var random = new Random(seed);
        var metricEvents = 0;
        var effects = 0;
        var initiativeEvents = 0;
        for (var run = 0; run < 150; run++)
        {
            var previous = RandomCard(random, Today.AddDays(-1));
            var current = RandomCard(random, Today);
            var options = random.Next(4) == 0 ? new ScoreDropOptions { ThresholdPoints = 5, Mode = ScoreDropThresholdMode.PercentOfPrevious } : null;

            var actual = ScoreDropDetector.Detect(previous, current, options);

            Dump(actual).Should().Be(Dump(Reference(previous, current, options ?? new ScoreDropOptions())), $"seed {seed}, run {run}");
            metricEvents += actual.Count(e => e.Kind == SecurityEventKind.MetricScoreDrop);
            effects += actual.Sum(e => e.InitiativeEffects.Count);
            initiativeEvents += actual.Count(e => e.Kind == SecurityEventKind.InitiativeScoreDrop);
        }

        metricEvents.Should().BeGreaterThan(100, $"seed {seed}: the random cards must raise metric drops");
        effects.Should().BeGreaterThan(100, $"seed {seed}: the metric drops must carry initiative effects");
        initiativeEvents.Should().BeGreaterThan(20, $"seed {seed}: the random cards must raise initiative drops");
    }

    private static ScoreCard RandomCard(Random random, DateTimeOffset asOf)
    {
        var initiativePool = Enumerable.Range(0, 8).Select(i => new InitiativeId($"i{i}")).ToArray();
        var metricIds = Enumerable.Range(0, 16).Where(_ => random.Next(5) > 0).Select(m => $"m{m:D2}").ToArray();
        var metrics = metricIds.Select(id =>
        {
            var availability = random.Next(8) switch { 0 => ScoreAvailability.Unavailable, 1 => ScoreAvailability.Stale, _ => ScoreAvailability.Available };
            double? score = availability == ScoreAvailability.Unavailable ? null : random.Next(0, 41) * 2.5;
            var weight = (MetricWeight)random.Next(4);
            var top = TopList(random);
            var recs = Enumerable.Range(0, 6).Where(_ => random.Next(2) == 0).Select(r => new RecommendationId($"r{r}")).ToArray();
            var listed = initiativePool.Where(_ => random.Next(3) == 0).ToArray();
            return new ScoreCardMetric(id, "Metric " + id, weight, (double)(int)weight, score, 0, 10, availability, availability == ScoreAvailability.Stale ? "source failed" : null, recs, listed, top);
        }).ToArray();

        var initiatives = initiativePool.Where(_ => random.Next(6) > 0).Select(id =>
        {
            var members = Enumerable.Range(0, 18).Where(_ => random.Next(3) == 0).Select(m => $"m{m:D2}")
                .Select(m => (Id: m, Weight: (MetricWeight)random.Next(4)))
                .Select(m => new ScoreCardInitiativeMetric(m.Id, m.Weight, (int)m.Weight)).ToArray();
            var availability = random.Next(6) switch { 0 => ScoreAvailability.Unavailable, 1 => ScoreAvailability.Stale, _ => ScoreAvailability.Available };
            double? score = availability == ScoreAvailability.Unavailable ? null : random.Next(0, 21) * 5.0;
            var recs = Enumerable.Range(0, 4).Where(_ => random.Next(2) == 0).Select(r => new RecommendationId($"r{r}")).ToArray();
            return new ScoreCardInitiative(id, "Initiative " + id, score, availability, null, members, recs, null);
        }).ToArray();

        return new ScoreCard("tenant-1", asOf, null, metrics, initiatives);
    }

    private static AssetId[] TopList(Random random)
    {
        // Sometimes a full list (100 ids, so the bound applies), otherwise a few ids around it.
        var start = random.Next(0, 30);
        var count = random.Next(4) == 0 ? 100 : random.Next(0, 12);
        return Enumerable.Range(start, count).Where(_ => count == 100 || random.Next(3) > 0).Select(a => new AssetId($"a{a * 3:D3}")).ToArray();
    }

    /// <summary>Domain rules §4 as written, through the public API only.</summary>
    private static List<SecurityEvent> Reference(ScoreCard previous, ScoreCard current, ScoreDropOptions options)
    {
        static bool Comparable(ScoreAvailability a, double? s) => a == ScoreAvailability.Available && s is not null;
        bool IsDrop(double p, double c) => options.Mode == ScoreDropThresholdMode.PercentOfPrevious
            ? p > 0 && (p - c) / p * 100 >= options.ThresholdPoints - ScoreDropOptions.Tolerance
            : p - c >= options.ThresholdPoints - ScoreDropOptions.Tolerance;
        static T[] Except<T>(IEnumerable<T> a, IEnumerable<T> b) => a.Except(b).Order().ToArray();

        var events = new List<SecurityEvent>();
        foreach (var now in current.Metrics)
        {
            var before = previous.FindMetric(now.Id);
            if (before is null || !Comparable(before.Availability, before.Score) || !Comparable(now.Availability, now.Score) || !IsDrop(before.Score!.Value, now.Score!.Value))
            {
                continue;
            }

            var effects = new List<InitiativeEffect>();
            foreach (var id in now.InitiativeIds)
            {
                var initiative = current.FindInitiative(id);
                var w = initiative?.Metrics.FirstOrDefault(m => m.MetricId == now.Id)?.NumericWeight ?? 0;
                if (initiative is null || w <= 0)
                {
                    continue;
                }

                // Counterfactual (rules §4, Decision revised): today's score with this metric put back to
                // yesterday's score and availability, minus today's score; both summed in ordinal metric order.
                double sum = 0, weighted = 0, sumBack = 0, weightedBack = 0;
                foreach (var m in initiative.Metrics)
                {
                    if (m.NumericWeight <= 0)
                    {
                        continue;
                    }

                    double? today = current.FindMetric(m.MetricId) is { } metric && Comparable(metric.Availability, metric.Score) ? metric.Score : null;
                    var back = m.MetricId == now.Id ? before.Score : today;
                    if (today is { } t)
                    {
                        weighted += m.NumericWeight * t;
                        sum += m.NumericWeight;
                    }

                    if (back is { } b)
                    {
                        weightedBack += m.NumericWeight * b;
                        sumBack += m.NumericWeight;
                    }
                }

                if (sum > 0 && sumBack > 0)
                {
                    effects.Add(new InitiativeEffect(id, (weightedBack / sumBack) - (weighted / sum), sum));
                }
            }

            var newly = Except(now.TopAffectedAssetIds, before.TopAffectedAssetIds);
            if (before.TopAffectedAssetIds.Count >= 100)
            {
                newly = newly.Where(a => a.CompareTo(before.TopAffectedAssetIds[^1]) < 0).ToArray();
            }

            var causes = new MetricScoreDropCauses(
                newly,
                now.Affected - before.Affected,
                now.Scope - before.Scope,
                Except(now.RecommendationIds, before.RecommendationIds),
                Except(before.RecommendationIds, now.RecommendationIds),
                before.Weight != now.Weight ? new WeightChange(now.Id, before.Weight, now.Weight) : null);
            events.Add(SecurityEvent.MetricScoreDrop(current.AsOf, now.Id, now.Name, before.Score!.Value, now.Score!.Value, now.Weight, effects, causes));
        }

        foreach (var now in current.Initiatives)
        {
            var before = previous.FindInitiative(now.Id);
            if (before is null || !Comparable(before.Availability, before.Score) || !Comparable(now.Availability, now.Score) || !IsDrop(before.Score!.Value, now.Score!.Value))
            {
                continue;
            }

            var beforeMembers = before.Metrics.ToDictionary(m => m.MetricId);
            var both = now.Metrics.Where(m => beforeMembers.ContainsKey(m.MetricId)).ToArray();
            var causes = new InitiativeScoreDropCauses(
                Except(now.RecommendationIds, before.RecommendationIds),
                Except(before.RecommendationIds, now.RecommendationIds),
                Except(now.Metrics.Select(m => m.MetricId), before.Metrics.Select(m => m.MetricId)),
                Except(before.Metrics.Select(m => m.MetricId), now.Metrics.Select(m => m.MetricId)),
                both.Where(m => beforeMembers[m.MetricId].Weight != m.Weight).Select(m => new WeightChange(m.MetricId, beforeMembers[m.MetricId].Weight, m.Weight)).ToArray(),
                both.Where(m => previous.FindMetric(m.MetricId)?.Score != current.FindMetric(m.MetricId)?.Score)
                    .Select(m => new MetricScoreChange(m.MetricId, previous.FindMetric(m.MetricId)?.Score, current.FindMetric(m.MetricId)?.Score)).ToArray());
            events.Add(SecurityEvent.InitiativeScoreDrop(current.AsOf, now.Id, now.Name, before.Score!.Value, now.Score!.Value, causes));
        }

        foreach (var now in current.Initiatives.Where(i => previous.FindInitiative(i.Id) is null))
        {
            events.Add(SecurityEvent.NewInitiative(current.AsOf, now.Id, now.Name, now.Score));
        }

        return events;
    }

    private static string Dump(IEnumerable<SecurityEvent> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Kind} {e.Date:O} {e.SubjectId} {e.SubjectName} {Bits(e.PreviousScore)} {Bits(e.CurrentScore)} {Bits(e.Drop)} {e.Weight}\n");
            foreach (var x in e.InitiativeEffects)
            {
                text.Append(CultureInfo.InvariantCulture, $"  effect {x.InitiativeId} {Bits(x.Effect)} {Bits(x.WeightSum)}\n");
            }

            if (e.MetricCauses is { } m)
            {
                text.Append(CultureInfo.InvariantCulture, $"  newly [{string.Join(',', m.NewlyAffectedAssetIds)}] {m.AffectedDelta} {m.ScopeDelta}");
                text.Append(CultureInfo.InvariantCulture, $" recs +[{string.Join(',', m.RecommendationsAdded)}] -[{string.Join(',', m.RecommendationsRemoved)}]");
                text.Append(CultureInfo.InvariantCulture, $" weight [{(m.WeightChange is { } w ? $"{w.MetricId}:{w.Previous}>{w.Current}" : "")}]\n");
            }
            else if (e.InitiativeCauses is { } c)
            {
                text.Append(CultureInfo.InvariantCulture, $"  recs +[{string.Join(',', c.RecommendationsAdded)}] -[{string.Join(',', c.RecommendationsRemoved)}]");
                text.Append(CultureInfo.InvariantCulture, $" metrics +[{string.Join(',', c.MetricsAdded)}] -[{string.Join(',', c.MetricsRemoved)}]");
                text.Append(CultureInfo.InvariantCulture, $" weights [{string.Join(',', c.WeightChanges.Select(w => $"{w.MetricId}:{w.Previous}>{w.Current}"))}]");
                text.Append(CultureInfo.InvariantCulture, $" scores [{string.Join(',', c.MetricScoreChanges.Select(s => $"{s.MetricId}:{Bits(s.PreviousScore)}>{Bits(s.CurrentScore)}"))}]\n");
            }
            else
            {
                text.Append("  no causes\n");
            }
        }

        return text.ToString();
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "null";
}
