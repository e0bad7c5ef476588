namespace ExposureSdk.Orleans.Partitioning;

/// <summary>
/// Which partition owns an asset: a stable hash of the asset id (FNV-1a, 64 bits, over its UTF-16 code units;
/// never <see cref="string.GetHashCode()"/>, which changes from process to process) modulo the partition count.
/// Every silo and client computes the same owner, so an incremental change goes to one partition only.
/// </summary>
public static class AssetPartitioner
{
    /// <summary>The largest number of partitions a tenant may have: 1,024.</summary>
    public const int MaxPartitions = 1024;

    /// <summary>The partition that owns an asset.</summary>
    /// <param name="assetId">The asset id (ordinal: ids that differ in case are different assets).</param>
    /// <param name="partitionCount">How many partitions the tenant has, 1 to <see cref="MaxPartitions"/>.</param>
    /// <returns>The partition's index, from 0 to <paramref name="partitionCount"/> − 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assetId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitionCount"/> is outside 1–1,024.</exception>
    public static int PartitionOf(string assetId, int partitionCount)
    {
        ArgumentNullException.ThrowIfNull(assetId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, MaxPartitions);
        var hash = 14695981039346656037UL;
        foreach (var c in assetId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (int)(hash % (ulong)partitionCount);
    }

    internal static string PartitionKey(string tenantId, int partitionCount, int partition) =>
        FormattableString.Invariant($"{tenantId}/{partitionCount}/{partition}");
}
