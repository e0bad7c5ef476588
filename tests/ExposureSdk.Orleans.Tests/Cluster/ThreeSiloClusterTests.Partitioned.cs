using System.Globalization;
using System.Text;
using ExposureSdk.Demo;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Scoring;

namespace ExposureSdk.Orleans.Tests.Cluster;

/// <summary>The partitioned rollup on the three silos: equal bit for bit to the single-process rollup, for any partition count, before and after random updates.</summary>
public sealed partial class ThreeSiloClusterTests
{
    [Fact]
    public async Task Partitioned_RandomPartitionCounts1To16_RandomUpdates_EqualsSingleProcessBitForBit()
    {
        var random = new Random(20261202);
        int[] counts = [1, 16, .. Enumerable.Range(0, 4).Select(_ => random.Next(2, 16))];
        for (var trial = 0; trial < counts.Length; trial++)
        {
            var partitions = counts[trial];
            var tenantId = $"large-{trial}";
            var snapshot = DemoTenant.Create(new DemoTenantOptions { TenantId = tenantId, Seed = 500 + trial, AssetCount = random.Next(500, 1500), HistoryDays = 1 }).Today;
            var single = ExposureDataset.FromSnapshot(snapshot);

            var loaded = await fixture.Host.Exposure.LoadPartitionedTenantAsync(snapshot, partitions);
            loaded.Should().HaveCount(partitions);
            loaded.Sum(p => p.Assessments).Should().Be(snapshot.Assessments.Count);
            loaded.Sum(p => p.Assets).Should().Be(single.AssetCount, "every asset is owned by exactly one partition");

            var coordinator = fixture.Host.Exposure.GetPartitionedTenant(tenantId);
            var result = await coordinator.RollupAsync();
            result.PartitionsAsked.Should().Be(partitions);
            result.PartialBytes.Should().BePositive();
            Dump(result).Should().Be(Dump(single.ToReport()), $"{partitions} partition(s)");
            Dump(result).Should().Be(Dump(ExposureScorer.Score(snapshot)));

            var assessments = snapshot.Assessments.ToArray();
            for (var u = 0; u < 4; u++)
            {
                var a = assessments[random.Next(assessments.Length)];
                var status = a.Status == AssessmentStatus.Unhealthy ? AssessmentStatus.Healthy : AssessmentStatus.Unhealthy;
                var owner = AssetPartitioner.PartitionOf(a.AssetId.Value, partitions);
                var before = await PartitionInfosAsync(tenantId, partitions);

                single.SetAssessmentStatus(a.RecommendationId, a.AssetId, status);
                var updated = await coordinator.SetAssessmentStatusAsync(a.RecommendationId.Value, a.AssetId.Value, status);

                updated.PartitionsAsked.Should().Be(1, "an incremental change goes to the partition that owns the asset");
                Dump(updated).Should().Be(Dump(single.ToReport()), $"{partitions} partition(s), after update {u}");
                var after = await PartitionInfosAsync(tenantId, partitions);
                for (var p = 0; p < partitions; p++)
                {
                    after[p].UpdatesApplied.Should().Be(before[p].UpdatesApplied + (p == owner ? 1 : 0));
                    after[p].PartialsServed.Should().Be(before[p].PartialsServed + (p == owner ? 1 : 0));
                }
            }
        }
    }

    private async Task<PartitionInfo[]> PartitionInfosAsync(string tenantId, int partitions) =>
        await Task.WhenAll(Enumerable.Range(0, partitions).Select(p =>
            fixture.Host.Cluster.Client.GetGrain<IExposurePartitionGrain>(FormattableString.Invariant($"{tenantId}/{partitions}/{p}")).GetInfoAsync()));

    private static string Dump(PartitionedRollupResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"secure {Bits(r.SecureScore.Achieved)} {Bits(r.SecureScore.Max)}").AppendLine();
        foreach (var x in r.Recommendations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rec {x.Id} {x.State} {x.Healthy} {x.Unhealthy} {x.NotApplicable} {Bits(x.AchievedPoints)} {Bits(x.MaxPoints)}").AppendLine();
        }

        foreach (var m in r.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"metric {m.Id} {m.Scope} {m.Affected} {Bits(m.Score)} {m.IsApproximate} [{string.Join(',', m.TopAffectedAssetIds)}]").AppendLine();
        }

        foreach (var i in r.Initiatives)
        {
            sb.Append(CultureInfo.InvariantCulture, $"init {i.Id} {Bits(i.Score)} {Bits(i.WeightSum)} {(i.Points is { } p ? Bits(p.Achieved) + "/" + Bits(p.Max) : "-")}").AppendLine();
        }

        return sb.ToString();
    }

    private static string Dump(ScoreReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"secure {Bits(r.SecureScore.AchievedPoints)} {Bits(r.SecureScore.MaxPoints)}").AppendLine();
        foreach (var x in r.Recommendations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rec {x.Id} {x.State} {x.Healthy} {x.Unhealthy} {x.NotApplicable} {Bits(x.Points.AchievedPoints)} {Bits(x.Points.MaxPoints)}").AppendLine();
        }

        foreach (var m in r.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"metric {m.Id} {m.Scope} {m.Affected} {Bits(m.Score)} {m.IsApproximate} [{string.Join(',', m.TopAffectedAssetIds)}]").AppendLine();
        }

        foreach (var i in r.Initiatives)
        {
            sb.Append(CultureInfo.InvariantCulture, $"init {i.Id} {Bits(i.Score)} {Bits(i.WeightSum)} {(i.Points is { } p ? Bits(p.AchievedPoints) + "/" + Bits(p.MaxPoints) : "-")}").AppendLine();
        }

        return sb.ToString();
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "null";
}
