using System.Globalization;
using System.Text;
using CsCheck;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.Tests.Support;
using Xunit.Abstractions;

namespace ExposureSdk.Tests.Events;

/// <summary>
/// <see cref="ScoreDropDetector.Detect"/> against a plain reference written from domain rules §4 (lookups by
/// id through the public API, no merge joins, no caching): the same events, field for field and bit for bit,
/// on random pairs of cards whose id lists interleave, whose metrics and initiatives are unavailable or stale
/// on either day, whose listed initiatives may not contain the metric, and whose top lists may be full.
/// A CsCheck property (issue 17 §8): a failure shrinks to a small pair of cards and names the seed that replays it.
/// </summary>
public sealed class ScoreDropDetectorPropertyTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Today = CardBuilders.Today;

    [Fact]
    public void Detect_RandomCards_EqualsThePlainReference()
    {
        var gen = Gen.Select(Card(Today.AddDays(-1)), Card(Today), Gen.Int[0, 3]);
        var pairs = 0;
        var metricEvents = 0;
        var effects = 0;
        var initiativeEvents = 0;
        gen.Check(
            c =>
            {
                var (previous, current, percent) = c;
                var options = percent == 0 ? new ScoreDropOptions { ThresholdPoints = 5, Mode = ScoreDropThresholdMode.PercentOfPrevious } : null;

                var actual = ScoreDropDetector.Detect(previous, current, options);

                Dump(actual).Should().Be(Dump(Reference(previous, current, options ?? new ScoreDropOptions())));
                Interlocked.Increment(ref pairs);
                Interlocked.Add(ref metricEvents, actual.Count(e => e.Kind == SecurityEventKind.MetricScoreDrop));
                Interlocked.Add(ref effects, actual.Sum(e => e.InitiativeEffects.Count));
                Interlocked.Add(ref initiativeEvents, actual.Count(e => e.Kind == SecurityEventKind.InitiativeScoreDrop));
            },
            iterations: 600,
            output,
            c => $"previous:\n{DumpCard(c.Item1)}current:\n{DumpCard(c.Item2)}percent mode: {c.Item3 == 0}");

        metricEvents.Should().BeGreaterThan(pairs / 2, "the generated cards must raise metric drops");
        effects.Should().BeGreaterThan(pairs / 2, "the metric drops must carry initiative effects");
        initiativeEvents.Should().BeGreaterThan(pairs / 10, "the generated cards must raise initiative drops");
    }

    /// <summary>A card: 16 metric and 8 initiative slots, each present or not, whose id lists interleave between two cards.</summary>
    private static Gen<ScoreCard> Card(DateTimeOffset asOf) =>
        from metrics in Gen.Select(Gen.Int[0, 4], Metric).Array[16]
        from initiatives in Gen.Select(Gen.Int[0, 5], Initiative).Array[8]
        select new ScoreCard(
            "tenant-1",
            asOf,
            null,
            metrics.Select((m, i) => (m.Item1, i, m.Item2)).Where(m => m.Item1 > 0).Select(m => m.Item3.Build($"m{m.i:D2}")).ToArray(),
            initiatives.Select((x, i) => (x.Item1, i, x.Item2)).Where(x => x.Item1 > 0).Select(x => x.Item3.Build($"i{x.i}")).ToArray());

    private static Gen<MetricSpec> Metric { get; } =
        from availability in Gen.Int[0, 7]
        from score in Gen.Int[0, 40]
        from weight in Gen.Int[0, 3]
        from start in Gen.Int[0, 29]
        from full in Gen.Int[0, 3]
        from count in Gen.Int[0, 11]
        from keep in Gen.Int[0, 2].Array[12]
        from recs in Gen.Bool.Array[6]
        from listed in Gen.Int[0, 2].Array[8]
        select new MetricSpec(availability, score, (MetricWeight)weight, start, full == 0, count, keep, recs, listed);

    private static Gen<InitiativeSpec> Initiative { get; } =
        from members in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3]).Array[18]
        from availability in Gen.Int[0, 5]
        from score in Gen.Int[0, 20]
        from recs in Gen.Bool.Array[4]
        select new InitiativeSpec(members, availability, score, recs);

    private sealed record MetricSpec(int AvailabilityRoll, int Score, MetricWeight Weight, int TopStart, bool FullTop, int TopCount, int[] Keep, bool[] Recs, int[] Listed)
    {
        public ScoreCardMetric Build(string id)
        {
            var availability = AvailabilityRoll switch { 0 => ScoreAvailability.Unavailable, 1 => ScoreAvailability.Stale, _ => ScoreAvailability.Available };
            double? score = availability == ScoreAvailability.Unavailable ? null : Score * 2.5;

            // Sometimes a full list (100 ids, so the bound applies), otherwise a few ids around it.
            var count = FullTop ? 100 : TopCount;
            var top = Enumerable.Range(TopStart, count).Where((_, k) => count == 100 || Keep[k] > 0).Select(a => new AssetId($"a{a * 3:D3}")).ToArray();
            var recs = Enumerable.Range(0, 6).Where(r => Recs[r]).Select(r => new RecommendationId($"r{r}")).ToArray();
            var listed = Enumerable.Range(0, 8).Where(i => Listed[i] == 0).Select(i => new InitiativeId($"i{i}")).ToArray();
            return new ScoreCardMetric(id, "Metric " + id, Weight, (double)(int)Weight, score, 0, 10, availability, availability == ScoreAvailability.Stale ? "source failed" : null, recs, listed, top);
        }
    }

    private sealed record InitiativeSpec((int, int)[] Members, int AvailabilityRoll, int Score, bool[] Recs)
    {
        public ScoreCardInitiative Build(string id)
        {
            var members = Members.Select((m, k) => (m, k)).Where(x => x.m.Item1 == 0)
                .Select(x => new ScoreCardInitiativeMetric($"m{x.k:D2}", (MetricWeight)x.m.Item2, x.m.Item2)).ToArray();
            var availability = AvailabilityRoll switch { 0 => ScoreAvailability.Unavailable, 1 => ScoreAvailability.Stale, _ => ScoreAvailability.Available };
            double? score = availability == ScoreAvailability.Unavailable ? null : Score * 5.0;
            var recs = Enumerable.Range(0, 4).Where(r => Recs[r]).Select(r => new RecommendationId($"r{r}")).ToArray();
            return new ScoreCardInitiative(id, "Initiative " + id, score, availability, null, members, recs, null);
        }
    }

    private static string DumpCard(ScoreCard card)
    {
        var text = new StringBuilder();
        foreach (var m in card.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"  metric {m.Id} {m.Score} {m.Availability} {m.Weight} recs [{string.Join(',', m.RecommendationIds)}] in [{string.Join(',', m.InitiativeIds)}] top [{string.Join(',', m.TopAffectedAssetIds)}]\n");
        }

        foreach (var i in card.Initiatives)
        {
            text.Append(CultureInfo.InvariantCulture, $"  initiative {i.Id} {i.Score} {i.Availability} [{string.Join(',', i.Metrics.Select(m => $"{m.MetricId}:{m.Weight}"))}] recs [{string.Join(',', i.RecommendationIds)}]\n");
        }

        return text.ToString();
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
