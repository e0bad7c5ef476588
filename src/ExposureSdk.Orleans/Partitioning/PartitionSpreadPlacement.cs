using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>
/// Places the partitions of a tenant round-robin over the compatible silos: partition <c>i</c> of tenant <c>t</c> goes
/// to silo <c>(i + hash(t)) mod n</c> of the silos in address order, so a tenant's partitions spread evenly (and the
/// tenants' first partitions do not all land on one silo). Activation-count placement, tried first, put every
/// partition on the coordinator's silo: its statistics were all zero when the partitions were created at once.
/// </summary>
internal sealed class PartitionSpreadPlacement : PlacementStrategy
{
    internal static readonly PartitionSpreadPlacement Instance = new();
}

/// <summary>Places a grain with <see cref="PartitionSpreadPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PartitionSpreadPlacementAttribute : PlacementAttribute
{
    public PartitionSpreadPlacementAttribute()
        : base(PartitionSpreadPlacement.Instance)
    {
    }
}

/// <summary>The director of <see cref="PartitionSpreadPlacement"/>.</summary>
internal sealed class PartitionSpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).Order().ToArray();
        var key = target.GrainIdentity.Key.ToString() ?? string.Empty;
        var slash = key.LastIndexOf('/');
        var tenantEnd = slash > 0 ? key.LastIndexOf('/', slash - 1) : -1;
        if (silos.Length == 0 || slash < 0 || tenantEnd < 0 || !int.TryParse(key.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture, out var index) || index < 0)
        {
            return Task.FromResult(silos.Length == 0 ? context.LocalSilo : silos[Random.Shared.Next(silos.Length)]);
        }

        var hash = 2166136261u;
        foreach (var c in key.AsSpan(0, tenantEnd))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Task.FromResult(silos[(int)(((ulong)index + hash) % (ulong)silos.Length)]);
    }
}
