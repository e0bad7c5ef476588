using ExposureSdk.Demo;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Orleans.Tests.Support;
using ExposureSdk.Scoring;

namespace ExposureSdk.Orleans.Tests.Cluster;

/// <summary>Partitions that read their own shard from the host's <see cref="IExposurePartitionSource"/> on their silo.</summary>
public sealed partial class ThreeSiloClusterTests
{
    [Fact]
    public async Task PartitionSource_1To16Partitions_EqualsSingleProcessAndBatchPath_BitForBit()
    {
        var random = new Random(20261203);
        int[] counts = [1, 16, .. Enumerable.Range(0, 3).Select(_ => random.Next(2, 16))];
        for (var trial = 0; trial < counts.Length; trial++)
        {
            var partitions = counts[trial];
            var tenantId = $"sharded-{trial}";
            var snapshot = DemoTenant.Create(new DemoTenantOptions { TenantId = tenantId, Seed = 700 + trial, AssetCount = random.Next(500, 1500), HistoryDays = 1 }).Today;
            fixture.World.LargeTenants[tenantId] = new LargeTenantSetup(snapshot.Assessments);
            var single = ExposureDataset.FromSnapshot(snapshot);
            var coordinator = fixture.Host.Exposure.GetPartitionedTenant(tenantId);

            await fixture.Host.Exposure.LoadPartitionedTenantAsync(snapshot, partitions);
            var batch = await coordinator.RollupAsync();

            var loaded = await fixture.Host.Exposure.LoadPartitionedTenantFromSourceAsync(snapshot, partitions);
            loaded.Select(p => p.Partition).Should().Equal(Enumerable.Range(0, partitions));
            loaded.Should().OnlyContain(p => p.IsSealed && p.TenantId == tenantId && p.PartitionCount == partitions && p.UpdatesApplied == 0);
            loaded.Sum(p => p.Assessments).Should().Be(snapshot.Assessments.Count);
            loaded.Sum(p => p.Assets).Should().Be(single.AssetCount, "every asset is loaded by exactly one partition");
            loaded.Where(p => p.Assets > 0).Should().OnlyContain(p => p.ColumnarBytes > 0);
            if (partitions == 16)
            {
                loaded.Select(p => p.Silo).Distinct().Should().HaveCountGreaterThan(1, "the partitions spread over the silos and each reads its shard where it lives");
            }

            var fromSource = await coordinator.RollupAsync();
            fromSource.PartitionsAsked.Should().Be(partitions);
            Dump(fromSource).Should().Be(Dump(single.ToReport()), $"{partitions} partition(s) loaded from the source");
            Dump(fromSource).Should().Be(Dump(batch), $"{partitions} partition(s): the source and the batches give the same scores");

            var a = snapshot.Assessments[random.Next(snapshot.Assessments.Count)];
            var status = a.Status == AssessmentStatus.Unhealthy ? AssessmentStatus.Healthy : AssessmentStatus.Unhealthy;
            single.SetAssessmentStatus(a.RecommendationId, a.AssetId, status);
            var updated = await coordinator.SetAssessmentStatusAsync(a.RecommendationId.Value, a.AssetId.Value, status);
            updated.PartitionsAsked.Should().Be(1);
            Dump(updated).Should().Be(Dump(single.ToReport()), $"{partitions} partition(s) loaded from the source, after an update");
        }
    }

    [Fact]
    public async Task PartitionSource_ThrowsForOneTenant_ErrorNamesTenantAndPartition_OtherTenantUnaffected()
    {
        var failing = DemoTenant.Create(new DemoTenantOptions { TenantId = "sharded-failing", Seed = 801, AssetCount = 800, HistoryDays = 1 }).Today;
        var healthy = DemoTenant.Create(new DemoTenantOptions { TenantId = "sharded-healthy", Seed = 802, AssetCount = 800, HistoryDays = 1 }).Today;
        fixture.World.LargeTenants[failing.TenantId] = new LargeTenantSetup(failing.Assessments) { FailingPartition = 2 };
        fixture.World.LargeTenants[healthy.TenantId] = new LargeTenantSetup(healthy.Assessments);

        var failingLoad = fixture.Host.Exposure.LoadPartitionedTenantFromSourceAsync(failing, 4);
        var healthyLoad = fixture.Host.Exposure.LoadPartitionedTenantFromSourceAsync(healthy, 4);

        var failed = () => failingLoad;
        var error = (await failed.Should().ThrowAsync<InvalidOperationException>()).Which;
        error.Message.Should().Contain("Partition 2 of 4 of tenant 'sharded-failing'")
            .And.Contain(nameof(IExposurePartitionSource))
            .And.Contain("503 Service Unavailable for shard 2");
        (await healthyLoad).Should().OnlyContain(p => p.IsSealed);
        Dump(await fixture.Host.Exposure.GetPartitionedTenant(healthy.TenantId).RollupAsync()).Should().Be(Dump(ExposureDataset.FromSnapshot(healthy).ToReport()), "another tenant's failing source does not touch this one");

        var infos = await PartitionInfosAsync(failing.TenantId, 4);
        infos.Select(p => p.IsSealed).Should().Equal([true, true, false, true], "the failed partition keeps only its definitions");
        infos[2].Assessments.Should().Be(0);
        var rollup = () => fixture.Host.Exposure.GetPartitionedTenant(failing.TenantId).RollupAsync();
        (await rollup.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Partition 2 of 4 of tenant 'sharded-failing'").And.Contain("not sealed");

        fixture.World.LargeTenants[failing.TenantId] = new LargeTenantSetup(failing.Assessments);
        await fixture.Host.Exposure.LoadPartitionedTenantFromSourceAsync(failing, 4);
        Dump(await fixture.Host.Exposure.GetPartitionedTenant(failing.TenantId).RollupAsync()).Should().Be(Dump(ExposureDataset.FromSnapshot(failing).ToReport()), "once the store answers, the tenant loads again");
    }

    [Fact]
    public async Task Partitioned_TenantWeights_TravelWithTheDefinitions_EqualTheSingleProcessWithThem()
    {
        var snapshot = DemoTenant.Create(new DemoTenantOptions { TenantId = "weighted", Seed = 804, AssetCount = 900, HistoryDays = 1 }).Today;
        fixture.World.LargeTenants[snapshot.TenantId] = new LargeTenantSetup(snapshot.Assessments);
        var scoring = new ScoringOptions { HighWeight = 7, MediumWeight = 2.5, LowWeight = 0.25 };
        var expected = Dump(ExposureDataset.FromSnapshot(snapshot, scoring).ToReport());
        var byDefault = Dump(ExposureDataset.FromSnapshot(snapshot).ToReport());
        expected.Should().NotBe(byDefault, "the weights change this tenant's initiative scores");
        var coordinator = fixture.Host.Exposure.GetPartitionedTenant(snapshot.TenantId);

        await fixture.Host.Exposure.LoadPartitionedTenantFromSourceAsync(snapshot, 4, scoring);
        Dump(await coordinator.RollupAsync()).Should().Be(expected, "the weights travel with the definitions (partitions reading the source)");
        await fixture.Host.Exposure.LoadPartitionedTenantAsync(snapshot, 3, scoring);
        Dump(await coordinator.RollupAsync()).Should().Be(expected, "the weights travel with the definitions (batches)");
        await fixture.Host.Exposure.LoadPartitionedTenantAsync(snapshot, 3);
        Dump(await coordinator.RollupAsync()).Should().Be(byDefault, "no weights: the defaults");

        var invalid = () => fixture.Host.Exposure.LoadPartitionedTenantAsync(snapshot, 3, new ScoringOptions { HighWeight = -1 });
        (await invalid.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("HighWeight");
    }

    [Fact]
    public async Task PartitionSource_AssetAnotherPartitionOwns_Refused()
    {
        var snapshot = DemoTenant.Create(new DemoTenantOptions { TenantId = "sharded-foreign", Seed = 803, AssetCount = 600, HistoryDays = 1 }).Today;
        fixture.World.LargeTenants[snapshot.TenantId] = new LargeTenantSetup(snapshot.Assessments) { GivesForeignAsset = true };

        var load = () => fixture.Host.Exposure.LoadPartitionedTenantFromSourceAsync(snapshot, 3);
        var error = (await load.Should().ThrowAsync<InvalidOperationException>()).Which;
        error.Message.Should().Contain("gave Partition 0 of 3 of tenant 'sharded-foreign' asset '").And.Contain("which belongs to partition");
        (await PartitionInfosAsync(snapshot.TenantId, 3))[0].IsSealed.Should().BeFalse();

        // The batch path refuses the same, as it always did.
        await fixture.Host.Exposure.GetPartitionedTenant(snapshot.TenantId).StartAsync(SnapshotDocument.WriteToUtf8Bytes(new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, snapshot.Recommendations, null, [], snapshot.Metrics, snapshot.Initiatives)), 3, null);
        var foreign = snapshot.Assessments.First(a => AssetPartitioner.PartitionOf(a.AssetId.Value, 3) != 0);
        var partition0 = fixture.Host.Cluster.Client.GetGrain<IExposurePartitionGrain>($"{snapshot.TenantId}/3/0");
        var add = () => partition0.AddAssessmentsAsync(new AssessmentBatch([foreign.RecommendationId.Value], [foreign.AssetId.Value], [foreign.Status]));
        (await add.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain($"Asset '{foreign.AssetId.Value}' belongs to partition");
    }
}
