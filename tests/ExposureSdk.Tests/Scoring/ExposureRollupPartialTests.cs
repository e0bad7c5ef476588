using ExposureSdk.Scoring;

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
