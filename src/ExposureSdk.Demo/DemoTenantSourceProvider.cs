using ExposureSdk.Providers;

namespace ExposureSdk.Demo;

/// <summary>
/// A source provider that serves a <see cref="DemoTenant"/> as it stood on the day of each pull: a pull
/// started <c>n</c> calendar days (UTC) before the tenant's <see cref="DemoTenant.AsOf"/> serves
/// <see cref="DemoTenant.GetSnapshot"/>(<c>n</c>), clamped to the tenant's history (a pull before the oldest day
/// serves the oldest day, one on or after <see cref="DemoTenant.AsOf"/>'s day serves today). A pipeline driven by
/// a clock that walks day by day then sees the demo's history unfold, as a real tenant's would: for samples
/// and tests of refreshes over several days (the cluster sample, the Orleans tests).
/// </summary>
/// <remarks>
/// Each pull builds (or reuses) one snapshot and serves every list from it. The last snapshot built is kept,
/// keyed by its day, so refreshes of the same day reuse it.
/// </remarks>
public sealed class DemoTenantSourceProvider : ExposureSourceProvider
{
    private readonly DemoTenant _tenant;
    private Served? _last;

    /// <summary>Creates the provider.</summary>
    /// <param name="tenant">The demo tenant.</param>
    /// <param name="name">The provider's name; default <c>demo</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public DemoTenantSourceProvider(DemoTenant tenant, string name = "demo")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        _tenant = tenant;
    }

    /// <summary>The demo tenant served.</summary>
    public DemoTenant Tenant => _tenant;

    /// <summary>Which day of the history a pull started at <paramref name="pulledAt"/> serves: days before the tenant's <see cref="DemoTenant.AsOf"/>, from 0 to <see cref="DemoTenant.HistoryDays"/>.</summary>
    /// <param name="pulledAt">When the pull started.</param>
    /// <returns>The days ago.</returns>
    public int DaysAgo(DateTimeOffset pulledAt)
    {
        var days = DateOnly.FromDateTime(_tenant.AsOf.UtcDateTime).DayNumber - DateOnly.FromDateTime(pulledAt.UtcDateTime).DayNumber;
        return Math.Clamp(days, 0, _tenant.HistoryDays);
    }

    /// <inheritdoc/>
    protected override Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        var daysAgo = DaysAgo(context.StartedAt);
        var last = Volatile.Read(ref _last);
        if (last is null || last.DaysAgo != daysAgo)
        {
            last = new Served(daysAgo, _tenant.GetSnapshot(daysAgo));
            Volatile.Write(ref _last, last);
        }

        return Task.FromResult(SourceBatch.FromSnapshot(last.Snapshot));
    }

    private sealed record Served(int DaysAgo, ExposureSnapshot Snapshot);
}
