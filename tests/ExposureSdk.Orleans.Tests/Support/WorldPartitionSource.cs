using System.Runtime.CompilerServices;
using ExposureSdk.Orleans.Partitioning;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>The host's shard store in the tests: the world's partitioned tenants, each partition given the assessments of the assets it owns.</summary>
internal sealed class WorldPartitionSource(TestWorld world) : IExposurePartitionSource
{
    public async IAsyncEnumerable<Assessment> ReadAssessmentsAsync(string tenantId, int partition, int partitionCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!world.LargeTenants.TryGetValue(tenantId, out var setup))
        {
            throw new KeyNotFoundException($"the shard store knows no tenant '{tenantId}'.");
        }

        await Task.Yield();
        var served = 0;
        foreach (var a in setup.Assessments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (AssetPartitioner.PartitionOf(a.AssetId.Value, partitionCount) != partition)
            {
                continue;
            }

            if (partition == setup.FailingPartition && served == 10)
            {
                throw new IOException($"the shard store answered 503 Service Unavailable for shard {partition} (test).");
            }

            served++;
            yield return a;
        }

        if (setup.GivesForeignAsset && partition == 0 && partitionCount > 1)
        {
            var foreign = setup.Assessments.First(a => AssetPartitioner.PartitionOf(a.AssetId.Value, partitionCount) != 0);
            yield return foreign;
        }
    }
}
