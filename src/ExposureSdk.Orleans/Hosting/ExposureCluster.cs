using ExposureSdk.Orleans.Hosting;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Orleans.Portfolio;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Orleans.Views;
using ExposureSdk.Scoring;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans;

/// <summary>
/// Typed access to the ExposureSdk grains from a client (or a silo): a tenant by id, the portfolio, and
/// refreshes retried across silo failures. Registered by <c>clientBuilder.AddExposureManagementClient()</c>
/// and <c>siloBuilder.AddExposureManagementGrains()</c>.
/// </summary>
public sealed class ExposureCluster
{
    private readonly IGrainFactory _grains;
    private readonly ExposureClientOptions _options;

    /// <summary>Creates the accessor.</summary>
    /// <param name="grains">The grain factory (the cluster client, or a silo's).</param>
    /// <param name="options">The client options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ExposureCluster(IGrainFactory grains, IOptions<ExposureClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _options = options.Value;
    }

    /// <summary>The portfolio grain (queries across tenants).</summary>
    public IExposurePortfolioGrain Portfolio => _grains.GetGrain<IExposurePortfolioGrain>(0);

    /// <summary>A tenant's grain.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The grain reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty or white space.</exception>
    public IExposureTenantGrain GetTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return _grains.GetGrain<IExposureTenantGrain>(tenantId);
    }

    /// <summary>
    /// Refreshes a tenant for a slot (<see cref="IExposureTenantGrain.RefreshIfDueAsync"/>), trying again, up to
    /// <see cref="ExposureClientOptions.MaxRefreshAttempts"/> times with a doubling delay, when the call fails (a
    /// silo died mid-refresh, a timeout, a store error): the tenant is reactivated on a live silo, and a slot
    /// that the failed attempt already recorded is not recorded again. For an on-demand refresh, pass the time
    /// of the request as <paramref name="slotStart"/>.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="slotStart">The slot's start (UTC).</param>
    /// <param name="cancellationToken">Stops retrying.</param>
    /// <returns>What the successful attempt did.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty or white space.</exception>
    /// <exception cref="ExposureTenantConfigurationException">The tenant is misconfigured (never retried).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Exception">The last attempt's error, when every attempt failed.</exception>
    public async Task<TenantRefreshSummary> RefreshAsync(string tenantId, DateTimeOffset slotStart, CancellationToken cancellationToken = default)
    {
        var grain = GetTenant(tenantId);
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await grain.RefreshIfDueAsync(slotStart).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < _options.MaxRefreshAttempts && IsWorthRetrying(ex, cancellationToken))
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <summary>The coordinator of a partitioned tenant (a tenant too large for one grain).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The grain reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty or white space.</exception>
    public IExposureRollupCoordinatorGrain GetPartitionedTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return _grains.GetGrain<IExposureRollupCoordinatorGrain>(tenantId);
    }

    /// <summary>
    /// Loads a partitioned tenant from a snapshot: the coordinator and every partition get the definitions, each
    /// assessment goes (in batches) to the partition that owns its asset, and the partitions build their datasets.
    /// Then <see cref="IExposureRollupCoordinatorGrain.RollupAsync"/> gives the scores.
    /// </summary>
    /// <param name="snapshot">The tenant's snapshot.</param>
    /// <param name="partitionCount">How many partitions, 1 to 1,024.</param>
    /// <param name="scoring">The tenant's metric weights, with which the coordinator finishes the scores; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops loading.</param>
    /// <returns>What each partition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitionCount"/> is outside 1–1,024.</exception>
    /// <exception cref="ArgumentException">A weight of <paramref name="scoring"/> is not finite and greater than 0.</exception>
    public Task<IReadOnlyList<PartitionInfo>> LoadPartitionedTenantAsync(ExposureSnapshot snapshot, int partitionCount, ScoringOptions? scoring = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var definitions = new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, snapshot.Recommendations, null, [], snapshot.Metrics, snapshot.Initiatives);
        return LoadPartitionedTenantAsync(definitions, snapshot.Assessments, partitionCount, scoring, cancellationToken);
    }

    /// <summary>
    /// Loads a partitioned tenant from its definitions and a stream of assessments (read once, never held whole:
    /// for tenants of tens of millions of assets), in batches of 50,000 per partition.
    /// </summary>
    /// <param name="definitions">The recommendations, metrics and initiatives (its assessments, if any, are not loaded).</param>
    /// <param name="assessments">The assessments.</param>
    /// <param name="partitionCount">How many partitions, 1 to 1,024.</param>
    /// <param name="scoring">The tenant's metric weights, with which the coordinator finishes the scores; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops loading.</param>
    /// <returns>What each partition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/> or <paramref name="assessments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitionCount"/> is outside 1–1,024.</exception>
    /// <exception cref="ArgumentException">A weight of <paramref name="scoring"/> is not finite and greater than 0.</exception>
    public async Task<IReadOnlyList<PartitionInfo>> LoadPartitionedTenantAsync(ExposureSnapshot definitions, IEnumerable<Assessment> assessments, int partitionCount, ScoringOptions? scoring = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, AssetPartitioner.MaxPartitions);
        const int BatchSize = 50_000;
        var document = SnapshotDocument.WriteToUtf8Bytes(new ExposureSnapshot(definitions.TenantId, definitions.AsOf, definitions.Recommendations, null, [], definitions.Metrics, definitions.Initiatives));
        await GetPartitionedTenant(definitions.TenantId).StartAsync(document, partitionCount, scoring).WaitAsync(cancellationToken).ConfigureAwait(false);
        var partitions = Enumerable.Range(0, partitionCount).Select(p => _grains.GetGrain<IExposurePartitionGrain>(AssetPartitioner.PartitionKey(definitions.TenantId, partitionCount, p))).ToArray();
        var buffers = Enumerable.Range(0, partitionCount).Select(_ => (Recs: new List<string>(), Assets: new List<string>(), Statuses: new List<AssessmentStatus>())).ToArray();
        var inFlight = new Task?[partitionCount];
        async Task FlushAsync(int p)
        {
            if (inFlight[p] is { } previous)
            {
                await previous.ConfigureAwait(false);
            }

            var b = buffers[p];
            inFlight[p] = partitions[p].AddAssessmentsAsync(new AssessmentBatch([.. b.Recs], [.. b.Assets], [.. b.Statuses]));
            buffers[p] = (new List<string>(), new List<string>(), new List<AssessmentStatus>());
        }

        foreach (var a in assessments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = AssetPartitioner.PartitionOf(a.AssetId.Value, partitionCount);
            buffers[p].Recs.Add(a.RecommendationId.Value);
            buffers[p].Assets.Add(a.AssetId.Value);
            buffers[p].Statuses.Add(a.Status);
            if (buffers[p].Recs.Count == BatchSize)
            {
                await FlushAsync(p).ConfigureAwait(false);
            }
        }

        for (var p = 0; p < partitionCount; p++)
        {
            if (buffers[p].Recs.Count > 0)
            {
                await FlushAsync(p).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight.OfType<Task>()).WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(partitions.Select(p => p.SealAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a partitioned tenant whose partitions read their own shards: the coordinator and every partition get
    /// the definitions (small), then each partition, on its silo, asks the host's <see cref="IExposurePartitionSource"/>
    /// for the assessments of the assets it owns and builds its dataset there, all partitions at the same time. No
    /// assessment crosses a grain message; <see cref="IExposureRollupCoordinatorGrain.RollupAsync"/> then exchanges only
    /// the partials. Every silo that may host a partition needs the source.
    /// </summary>
    /// <param name="definitions">The recommendations, metrics and initiatives (its assets and assessments, if any, are not sent).</param>
    /// <param name="partitionCount">How many partitions, 1 to 1,024.</param>
    /// <param name="scoring">The tenant's metric weights, with which the coordinator finishes the scores; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting (the partitions' loads go on, each bounded by <c>ExposureGrainOptions.PartitionLoadTimeout</c>).</param>
    /// <returns>What each partition holds, in partition order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitionCount"/> is outside 1–1,024.</exception>
    /// <exception cref="ArgumentException">A weight of <paramref name="scoring"/> is not finite and greater than 0.</exception>
    /// <exception cref="InvalidOperationException">
    /// A partition could not load: no source on its silo, the source threw or gave an asset another partition owns, or
    /// its assessments do not build. The message names the tenant and the partition; the failed partition keeps only
    /// its definitions, the others are loaded, and calling this method again loads the tenant again.
    /// </exception>
    /// <exception cref="TimeoutException">A partition took longer than <c>ExposureGrainOptions.PartitionLoadTimeout</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<PartitionInfo>> LoadPartitionedTenantFromSourceAsync(ExposureSnapshot definitions, int partitionCount, ScoringOptions? scoring = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, AssetPartitioner.MaxPartitions);
        var document = SnapshotDocument.WriteToUtf8Bytes(new ExposureSnapshot(definitions.TenantId, definitions.AsOf, definitions.Recommendations, null, [], definitions.Metrics, definitions.Initiatives));
        await GetPartitionedTenant(definitions.TenantId).StartAsync(document, partitionCount, scoring).WaitAsync(cancellationToken).ConfigureAwait(false);
        var loads = Enumerable.Range(0, partitionCount)
            .Select(p => _grains.GetGrain<IExposurePartitionGrain>(AssetPartitioner.PartitionKey(definitions.TenantId, partitionCount, p)).LoadFromSourceAsync())
            .ToArray();
        return await Task.WhenAll(loads).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool IsWorthRetrying(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ExposureTenantConfigurationException or ArgumentException => false,
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        _ => true,
    };
}
