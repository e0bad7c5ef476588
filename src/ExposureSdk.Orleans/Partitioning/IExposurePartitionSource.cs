namespace ExposureSdk.Orleans.Partitioning;

/// <summary>
/// The host's reader of a partitioned tenant's assessments, registered in the silo's services: each partition
/// grain asks it, on its own silo, for the assessments of the assets it owns, and builds its dataset there. Only
/// the definitions (recommendations, metrics, initiatives) and the partial results (bytes) then cross grain
/// messages, so a tenant of tens of millions of assets can be loaded without shipping its assessments through the
/// cluster. Credentials for the store it reads stay on the silo, like those of <c>IExposureTenantFactory</c>.
/// </summary>
/// <remarks>
/// <para>Register one with <c>services.AddSingleton&lt;IExposurePartitionSource, MyShards&gt;()</c> next to
/// <c>siloBuilder.AddExposureManagementGrains(...)</c>, on every silo, and load the tenant with
/// <see cref="ExposureCluster.LoadPartitionedTenantFromSourceAsync"/>. It is optional: without it, partitions load
/// only from batches (<see cref="ExposureCluster.LoadPartitionedTenantAsync(ExposureSnapshot, int, Scoring.ScoringOptions, CancellationToken)"/>).</para>
/// <para>Partition <c>p</c> of <c>n</c> owns the assets whose
/// <see cref="AssetPartitioner.PartitionOf"/> (of the asset and <c>n</c>) is <c>p</c>: return all their assessments and no
/// other. A source keyed by the same hash (a table partitioned on it, one file per shard) reads only its shard;
/// one that is not reads everything and keeps the partition's assets. An asset of another partition is refused
/// with an error naming it; anything the source throws reaches the caller as an
/// <see cref="InvalidOperationException"/> naming the tenant and the partition, and never affects another tenant.
/// Several partitions of one tenant, and of different tenants, read at the same time.</para>
/// </remarks>
public interface IExposurePartitionSource
{
    /// <summary>Reads the assessments of the assets one partition of a tenant owns.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="partition">The partition's index, from 0 to <paramref name="partitionCount"/> − 1.</param>
    /// <param name="partitionCount">How many partitions the tenant has, 1 to <see cref="AssetPartitioner.MaxPartitions"/>.</param>
    /// <param name="cancellationToken">Cancelled when the load times out or the silo stops.</param>
    /// <returns>The assessments, in any order, each (recommendation, asset) pair once.</returns>
    IAsyncEnumerable<Assessment> ReadAssessmentsAsync(string tenantId, int partition, int partitionCount, CancellationToken cancellationToken);
}
