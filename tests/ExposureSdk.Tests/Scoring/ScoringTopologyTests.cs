using ExposureSdk.Scoring;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

/// <summary>
/// The one topology the reference rollup and the fast path share: every reverse map is the transpose of
/// its forward map, lists are ascending, ids follow the indices, and the builder's reference errors stay
/// as they were. Also the dataset's own parts: the asset id table and the metric bitsets.
/// </summary>
public sealed class ScoringTopologyTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Build_RandomSnapshots_ReverseMapsAreTransposesAndIdsFollowIndices(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 40; run++)
        {
            var snapshot = RandomSnapshots.Create(random, maxAssets: 50);
            var recs = snapshot.Recommendations.OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToArray();
            var t = ScoringTopology.Build(recs, snapshot.Metrics, snapshot.Initiatives);
            var because = $"seed {seed}, run {run}";

            t.Metrics.Select(m => m.Id.Value).Should().BeInAscendingOrder(StringComparer.Ordinal, because);
            t.Initiatives.Select(i => i.Id.Value).Should().BeInAscendingOrder(StringComparer.Ordinal, because);
            for (var m = 0; m < t.Metrics.Length; m++)
            {
                var members = t.MembersOf(m).ToArray();
                members.Should().BeInAscendingOrder(because).And.OnlyHaveUniqueItems(because);
                var expected = Enumerable.Range(0, recs.Length)
                    .Where(r => t.Metrics[m].RecommendationIds.Contains(recs[r].Id) || (t.Metrics[m].Selector?.Matches(recs[r]) ?? false));
                members.Should().Equal(expected, because);
                t.MetricRecommendationIds[m].Should().Equal(members.Select(r => recs[r].Id), because);
                t.MetricInitiatives[m].Should().Equal(Enumerable.Range(0, t.Initiatives.Length).Where(i => t.InitiativeMetrics[i].Contains(m)), because);
                t.MetricInitiativeIds[m].Should().Equal(t.MetricInitiatives[m].Select(i => t.Initiatives[i].Id), because);
            }

            for (var r = 0; r < recs.Length; r++)
            {
                var metrics = t.RecommendationMetrics[t.RecommendationMetricStart[r]..t.RecommendationMetricStart[r + 1]];
                metrics.Should().Equal(Enumerable.Range(0, t.Metrics.Length).Where(m => t.MembersOf(m).Contains(r)), because);
                t.RecommendationMetricIds[r].Should().Equal(metrics.Select(m => t.Metrics[m].Id), because);
                var initiatives = Enumerable.Range(0, t.Initiatives.Length)
                    .Where(i => t.InitiativeRecommendations[i].Contains(r) || t.InitiativeMetrics[i].Any(m => t.MembersOf(m).Contains(r)));
                t.RecommendationInitiatives[r].Should().Equal(initiatives, because);
                t.RecommendationInitiativeIds[r].Should().Equal(t.RecommendationInitiatives[r].Select(i => t.Initiatives[i].Id), because);
                t.RecommendationIndex[recs[r].Id].Should().Be(r);
            }
        }
    }

    [Fact]
    public void Build_ReferenceErrors_NameTheMetricOrInitiativeAndTheMissingId()
    {
        Recommendation[] recs = [Rec("r1")];
        FluentActions.Invoking(() => ScoringTopology.Build(recs, [Met("m1", MetricWeight.Low, "r2")], []))
            .Should().Throw<ArgumentException>().WithMessage("Metric 'm1' names recommendation 'r2', which was not added.*").Which.ParamName.Should().Be("metrics");
        FluentActions.Invoking(() => ScoringTopology.Build(recs, [Met("m1", MetricWeight.Low, "r1"), Met("m1", MetricWeight.High, "r1")], []))
            .Should().Throw<ArgumentException>().WithMessage("The metric id 'm1' is added twice.*");
        FluentActions.Invoking(() => ScoringTopology.Build(recs, [], [Ini("i1", ["m9"])]))
            .Should().Throw<ArgumentException>().WithMessage("Initiative 'i1' names metric 'm9', which was not added.*").Which.ParamName.Should().Be("initiatives");
        FluentActions.Invoking(() => ScoringTopology.Build(recs, [], [Ini("i1", recs: ["r9"])]))
            .Should().Throw<ArgumentException>().WithMessage("Initiative 'i1' names recommendation 'r9', which was not added.*");
        FluentActions.Invoking(() => ScoringTopology.Build(recs, [], [Ini("i1", recs: ["r1"]), Ini("i1", recs: ["r1"])]))
            .Should().Throw<ArgumentException>().WithMessage("The initiative id 'i1' is added twice.*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(5_000)]
    public void AssetIdTable_FindsEveryIdAndNothingElse(int count)
    {
        var ids = Enumerable.Range(0, count).Select(a => "asset-" + a.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = new AssetIdTable(ids);

        for (var a = 0; a < count; a++)
        {
            table.IndexOf(ids[a]).Should().Be(a);
        }

        table.IndexOf("asset-" + count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Be(-1);
        table.IndexOf("ASSET-0").Should().Be(-1, "ids are compared ordinally");
        table.IndexOf(null).Should().Be(-1);
        table.Bytes.Should().BeGreaterThanOrEqualTo(count * 2L * sizeof(int), "the table is at most half full");
    }

    [Fact]
    public void MetricBitsets_CountAndListWithinAnyRange()
    {
        var bits = new MetricBitsets(metricCount: 3, assetCount: 200);
        var random = new Random(5);
        var affected = new SortedSet<int>();
        for (var k = 0; k < 120; k++)
        {
            var a = random.Next(200);
            bits.Affected[bits.WordIndex(1, a)] |= 1UL << a;
            bits.Scope[bits.WordIndex(1, a)] |= 1UL << a;
            affected.Add(a);
        }

        bits.Words.Should().Be(4);
        for (var lo = 0; lo <= 200; lo += 13)
        {
            for (var hi = lo; hi <= 200; hi += 17)
            {
                var inRange = affected.Where(a => a >= lo && a < hi).ToArray();
                bits.CountAffected(1, lo, hi).Should().Be(inRange.Length, $"[{lo}, {hi})");
                bits.CountScope(1, lo, hi).Should().Be(inRange.Length);
                bits.CountAffected(0, lo, hi).Should().Be(0, "other metrics' rows are untouched");
                bits.CountAffected(2, lo, hi).Should().Be(0);
                bits.FirstAffected(1, lo, hi).Should().Equal(inRange.Take(MetricScore.TopAffectedLimit));
            }
        }

        bits.ClearWords(1, 2);
        bits.CountAffected(1, 0, 200).Should().Be(affected.Count(a => a < 64 || a >= 128));
        bits.ClearAll();
        bits.CountScope(1, 0, 200).Should().Be(0);
        bits.Bytes.Should().Be(2 * 3 * 4 * sizeof(ulong));
    }
}
