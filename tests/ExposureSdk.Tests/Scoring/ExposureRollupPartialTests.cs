using ExposureSdk.Scoring;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

public sealed class ExposureRollupPartialTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void ToReport_PartialsOfAnyPartitionMergedInAnyOrder_EqualsTheSingleRollupBitForBit(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 25; trial++)
        {
            var snapshot = RandomSnapshots.Create(random, maxAssets: 60);
            var partitions = random.Next(1, 17);
            var (coordinator, parts) = Partition(snapshot, partitions, random);
            var single = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);

            // Random updates, each applied to the single dataset and to the one partition that owns the asset.
            var assessments = snapshot.Assessments.ToArray();
            for (var u = 0; u < random.Next(0, 12) && assessments.Length > 0; u++)
            {
                var a = assessments[random.Next(assessments.Length)];
                var status = (AssessmentStatus)random.Next(3);
                single.SetAssessmentStatus(a.RecommendationId, a.AssetId, status);
                parts[Owner(a.AssetId.Value, partitions)]!.SetAssessmentStatus(a.RecommendationId, a.AssetId, status);
            }

            var partials = parts.Where(p => p is not null).Select(p => p!.ToPartial()).ToList();
            partials.Add(coordinator.ToPartial());
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(partials));
            while (partials.Count > 1)
            {
                var i = random.Next(partials.Count - 1);
                var merged = ExposureRollupPartial.Merge(partials[i], partials[i + 1]);
                partials.RemoveRange(i, 2);
                partials.Insert(i, ExposureRollupPartial.FromBytes(merged.ToBytes()));
            }

            var report = coordinator.ToReport(partials[0]);
            RandomSnapshots.Dump(report).Should().Be(RandomSnapshots.Dump(single.ToReport()), $"seed {seed}, trial {trial}, {partitions} partitions");
            if (trial % 5 == 0)
            {
                var fresh = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
                RandomSnapshots.Dump(coordinator.ToReport(ExposureRollupPartial.Merge(coordinator.ToPartial(), fresh.ToPartial())))
                    .Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot)), "a single partition is the single pass");
            }
        }
    }

    [Fact]
    public void FromBytes_RoundTrip_KeepsEveryCount()
    {
        var snapshot = RandomSnapshots.Create(new Random(11), maxAssets: 200);
        var partial = ExposureDataset.FromSnapshot(snapshot).ToPartial();
        var copy = ExposureRollupPartial.FromBytes(partial.ToBytes());
        copy.ToBytes().Should().Equal(partial.ToBytes());
        copy.MetricCount.Should().Be(snapshot.Metrics.Count);
        copy.RecommendationCount.Should().Be(snapshot.Recommendations.Count);
        copy.AssetCount.Should().Be(partial.AssetCount);
    }

    [Fact]
    public void FromBytes_DamagedOrForeignBytes_ClearError()
    {
        var snapshot = RandomSnapshots.Create(new Random(12), maxAssets: 50);
        var bytes = ExposureDataset.FromSnapshot(snapshot).ToPartial().ToBytes();
        FluentActions.Invoking(() => ExposureRollupPartial.FromBytes(bytes.AsSpan(0, bytes.Length - 1))).Should().Throw<ArgumentException>().WithMessage("Not a valid rollup partial: *");
        FluentActions.Invoking(() => ExposureRollupPartial.FromBytes([.. bytes, 0])).Should().Throw<ArgumentException>().WithMessage("*byte(s) follow the partial*");
        FluentActions.Invoking(() => ExposureRollupPartial.FromBytes("{\"json\":1}"u8)).Should().Throw<ArgumentException>().WithMessage("*magic number*");
        var version = (byte[])bytes.Clone();
        version[4] = 9;
        FluentActions.Invoking(() => ExposureRollupPartial.FromBytes(version)).Should().Throw<ArgumentException>().WithMessage("*format version 9*");
    }

    [Fact]
    public void Merge_PartialsOfOtherDefinitions_Refused()
    {
        var a = ExposureDataset.FromSnapshot(RandomSnapshots.Create(new Random(21), maxAssets: 10, maxRecommendations: 6, maxMetrics: 3)).ToPartial();
        var snapshot = RandomSnapshots.Create(new Random(22), maxAssets: 10);
        var other = new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, [.. snapshot.Recommendations, new Recommendation("zz-extra", "Extra", "partner x", "Intune", "Devices", Impact.Low)], null, snapshot.Assessments, snapshot.Metrics, snapshot.Initiatives);
        var b = ExposureDataset.FromSnapshot(other);
        FluentActions.Invoking(() => ExposureRollupPartial.Merge(a, b.ToPartial())).Should().Throw<ArgumentException>().WithMessage("*different definitions*");
        FluentActions.Invoking(() => b.ToReport(ExposureDataset.FromSnapshot(snapshot).ToPartial())).Should().Throw<ArgumentException>().WithMessage("*other definitions*");
    }

    [Theory]
    [InlineData("asset", -1, "*the asset count is negative*")]
    [InlineData("metrics", -1, "*the metric count (-1) is out of range*")]
    [InlineData("metrics", 100_000_001, "*the metric count (100000001) is out of range*")]
    [InlineData("recommendations", -1, "*the recommendation count (-1) is out of range*")]
    [InlineData("scope", -1, "*metric 0's scope is negative*")]
    [InlineData("affected", -1, "*metric 0's affected count is negative*")]
    [InlineData("affected", 6, "*metric 0 has more affected assets (6) than in scope (5)*")]
    [InlineData("top", 101, "*metric 0 lists 101 affected asset ids*")]
    [InlineData("topOverAffected", 3, "*metric 0 lists 3 affected asset ids*no more than its affected count*")]
    [InlineData("top", -1, "*metric 0 lists -1 affected asset ids*")]
    [InlineData("order", 0, "*metric 0's affected asset ids are not in ascending ordinal order*")]
    [InlineData("order", 1, "*metric 0's affected asset ids are not in ascending ordinal order*")]
    [InlineData("healthy", -1, "*recommendation 0's healthy count is negative*")]
    [InlineData("unhealthy", -1, "*recommendation 0's unhealthy count is negative*")]
    [InlineData("notApplicable", -1, "*recommendation 0's not-applicable count is negative*")]
    public void FromBytes_ImpossibleValue_NamesIt(string field, long value, string message)
    {
        FluentActions.Invoking(() => ExposureRollupPartial.FromBytes(Crafted(field, value)))
            .Should().Throw<ArgumentException>().WithMessage("Not a valid rollup partial: " + message);
    }

    [Fact]
    public void FromBytes_ValuesAtTheirLimits_AreRead()
    {
        // One metric in scope of 5 with 2 affected, listing 1 of them; recommendations' counts 0.
        var partial = ExposureRollupPartial.FromBytes(Crafted("none", 0));
        partial.MetricCount.Should().Be(1);
        partial.Top[0].Should().Equal("asset-1");
        partial.Affected[0].Should().Be(2);

        // 100 ids (the limit) for 100 affected assets.
        ExposureRollupPartial.FromBytes(Crafted("top", 100)).Top[0].Should().HaveCount(100);
    }

    [Fact]
    public void Merge_APartialWithItself_ListsEachAffectedAssetOnce()
    {
        var partial = ExposureDataset.FromSnapshot(RandomSnapshots.Create(new Random(31), maxAssets: 60), maxDegreeOfParallelism: 1).ToPartial();
        var twice = ExposureRollupPartial.Merge(partial, partial);
        for (var m = 0; m < partial.MetricCount; m++)
        {
            twice.Top[m].Should().Equal(partial.Top[m]);
            twice.Affected[m].Should().Be(2 * partial.Affected[m]);
        }

        partial.Top.Should().Contain(t => t.Length > 1, "the sample must list affected assets");
    }

    [Fact]
    public void Merge_MoreThan100AffectedAcrossPartials_KeepsTheFirst100()
    {
        var recs = new[] { Rec("r") };
        var metrics = new[] { Met("m", MetricWeight.High, "r") };
        var even = ExposureDataset.FromSnapshot(Snap(recs, Enumerable.Range(0, 150).Select(a => U("r", $"asset-{2 * a:D3}")), metrics), maxDegreeOfParallelism: 1).ToPartial();
        var odd = ExposureDataset.FromSnapshot(Snap(recs, Enumerable.Range(0, 150).Select(a => U("r", $"asset-{(2 * a) + 1:D3}")), metrics), maxDegreeOfParallelism: 1).ToPartial();
        var merged = ExposureRollupPartial.Merge(odd, even);
        merged.Top[0].Should().Equal(Enumerable.Range(0, 100).Select(a => $"asset-{a:D3}"));
        merged.Affected[0].Should().Be(300);
    }

    [Fact]
    public void MetricPartial_MergedWithItselfOrPast100_ListsEachAssetOnceAndAtMost100()
    {
        var self = new MetricPartial([4], [3], [[1, 5, 9]]);
        MetricPartial.Merge(self, self).Top[0].Should().Equal(1, 5, 9);
        var even = new MetricPartial([150], [150], [[.. Enumerable.Range(0, 100).Select(a => 2 * a)]]);
        var odd = new MetricPartial([150], [150], [[.. Enumerable.Range(0, 100).Select(a => (2 * a) + 1)]]);
        MetricPartial.Merge(even, odd).Top[0].Should().Equal(Enumerable.Range(0, 100));
        MetricPartial.Merge(odd, even).Top[0].Should().Equal(Enumerable.Range(0, 100));
    }

    [Theory]
    [InlineData("recommendation")]
    [InlineData("metric")]
    [InlineData("member")]
    public void Merge_DefinitionsDifferingOnlyIn_Refused(string what)
    {
        // Same counts, one id or one membership changed: only the layout fingerprint can tell them apart.
        var recs = new[] { Rec("r1"), Rec("r2") };
        var metrics = new[] { Met("m1", MetricWeight.High, "r1"), Met("m2", MetricWeight.Low, "r2") };
        var a = ExposureDataset.FromSnapshot(Snap(recs, [U("r1", "a"), H("r2", "a")], metrics));
        Recommendation[] otherRecs = what == "recommendation" ? [recs[0], Rec("r3")] : recs;
        Metric[] otherMetrics = what switch
        {
            "metric" => [metrics[0], Met("m3", MetricWeight.Low, "r2")],
            "member" => [metrics[0], Met("m2", MetricWeight.Low, "r1")],
            _ => [metrics[0], Met("m2", MetricWeight.Low, otherRecs[1].Id.Value)],
        };
        var b = ExposureDataset.FromSnapshot(Snap(otherRecs, [U("r1", "b")], otherMetrics));
        FluentActions.Invoking(() => ExposureRollupPartial.Merge(a.ToPartial(), b.ToPartial())).Should().Throw<ArgumentException>().WithMessage("*different definitions*");
        FluentActions.Invoking(() => a.ToReport(b.ToPartial())).Should().Throw<ArgumentException>().WithMessage("*other definitions*");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void Merge_SameLayoutOtherCounts_Refused(int extraMetrics, int extraRecommendations)
    {
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r1")], [U("r1", "a")], [Met("m1", MetricWeight.High, "r1")]));
        var partial = dataset.ToPartial();
        var m = partial.MetricCount + extraMetrics;
        var r = partial.RecommendationCount + extraRecommendations;
        var forged = new ExposureRollupPartial(partial.Layout, 1, new long[m], new long[m], [.. Enumerable.Repeat(Array.Empty<string>(), m)], new long[r], new long[r], new long[r]);
        FluentActions.Invoking(() => ExposureRollupPartial.Merge(partial, forged)).Should().Throw<ArgumentException>().WithMessage("*different definitions*");
        FluentActions.Invoking(() => dataset.ToReport(forged)).Should().Throw<ArgumentException>().WithMessage("*other definitions*");
    }

    [Fact]
    public void ToReport_CountOnlyRecommendationWithNoResults_IsNotASummedMember()
    {
        // A metric of one count-only recommendation with results and one with none is exact, not approximate.
        var snapshot = Snap(
            [Rec("r1", counts: new ResultCounts(2, 10)), Rec("r2", counts: new ResultCounts(0, 0)), Rec("r3")],
            [U("r3", "a")],
            [Met("m", MetricWeight.High, "r1", "r2"), Met("m3", MetricWeight.High, "r3")]);
        var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
        var report = dataset.ToReport(dataset.ToPartial());
        RandomSnapshots.Dump(report).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot)));
        report.FindMetric("m")!.IsApproximate.Should().BeFalse();
    }

    /// <summary>
    /// A partial's bytes written field by field: one metric (scope 5, affected 2, listing asset-1) and one
    /// recommendation (counts 0), with <paramref name="field"/> set to <paramref name="value"/>.
    /// </summary>
    private static byte[] Crafted(string field, long value)
    {
        var header = ExposureDataset.FromSnapshot(Snap([Rec("r1")], [U("r1", "a")], [Met("m1", MetricWeight.High, "r1")])).ToPartial().ToBytes().AsSpan(0, 13).ToArray();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(header);
            writer.Write7BitEncodedInt64(field == "asset" ? value : 5);
            writer.Write7BitEncodedInt(field == "metrics" ? (int)value : 1);
            writer.Write7BitEncodedInt(field == "recommendations" ? (int)value : 1);
            var affected = field switch { "affected" => value, "top" => 100, _ => 2 };
            writer.Write7BitEncodedInt64(field == "scope" ? value : field == "top" ? 200 : 5);
            writer.Write7BitEncodedInt64(affected);
            string[] ids = field switch
            {
                "topOverAffected" => ["asset-1", "asset-2", "asset-3"],
                "top" when value > 0 => [.. Enumerable.Range(0, (int)value).Select(a => $"asset-{a:D3}")],
                "top" => [],
                "order" when value == 0 => ["asset-2", "asset-1"],
                "order" => ["asset-1", "asset-1"],
                _ => ["asset-1"],
            };
            writer.Write7BitEncodedInt(field == "top" && value < 0 ? (int)value : ids.Length);
            foreach (var id in ids)
            {
                writer.Write(id);
            }

            writer.Write7BitEncodedInt64(field == "healthy" ? value : 0);
            writer.Write7BitEncodedInt64(field == "unhealthy" ? value : 0);
            writer.Write7BitEncodedInt64(field == "notApplicable" ? value : 0);
        }

        return stream.ToArray();
    }

    /// <summary>A coordinator (the definitions, no assessment) and one dataset per partition owning the assets whose stable hash falls in it.</summary>
    private static (ExposureDataset Coordinator, ExposureDataset?[] Parts) Partition(ExposureSnapshot s, int partitions, Random random)
    {
        var definitions = new ExposureSnapshot(s.TenantId, s.AsOf, s.Recommendations, null, [], s.Metrics, s.Initiatives);
        var parts = new ExposureDataset?[partitions];
        var byPartition = s.Assessments.GroupBy(a => Owner(a.AssetId.Value, partitions)).ToDictionary(g => g.Key, g => g.ToArray());
        for (var p = 0; p < partitions; p++)
        {
            var assessments = byPartition.TryGetValue(p, out var list) ? list : [];
            var shuffled = RandomSnapshots.Shuffle(assessments, random);
            parts[p] = ExposureDataset.FromSnapshot(new ExposureSnapshot(s.TenantId, s.AsOf, RandomSnapshots.Shuffle(s.Recommendations, random), null, shuffled, RandomSnapshots.Shuffle(s.Metrics, random), RandomSnapshots.Shuffle(s.Initiatives, random)), maxDegreeOfParallelism: 1);
        }

        return (ExposureDataset.FromSnapshot(definitions, maxDegreeOfParallelism: 1), parts);
    }

    private static int Owner(string assetId, int partitions)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in assetId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (int)(hash % (ulong)partitions);
    }
}
