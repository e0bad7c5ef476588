using ExposureSdk.Scoring;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>
/// One partition of a very large tenant: the assets whose <see cref="AssetPartitioner.PartitionOf"/> is its index,
/// with all their assessments, held in an <c>ExposureDataset</c> in memory; it computes the engine's mergeable
/// partial for its coordinator (<see cref="IExposureRollupCoordinatorGrain"/>). Key: <c>{tenant}/{count}/{index}</c>;
/// use <see cref="ExposureCluster.LoadPartitionedTenantAsync(ExposureSnapshot, int, ScoringOptions, CancellationToken)"/> (assessments
/// sent in batches) or <see cref="ExposureCluster.LoadPartitionedTenantFromSourceAsync"/> (each partition reads its own
/// shard on its silo) rather than calling it directly. A tenant's partitions are placed round-robin over the silos
/// (partition <c>i</c> on silo <c>(i + hash(tenant)) mod n</c>), so they spread evenly.
/// </summary>
/// <remarks>A partition lives in memory only: one lost with its silo is empty when reactivated, and the tenant is loaded again.</remarks>
public interface IExposurePartitionGrain : IGrainWithStringKey
{
    /// <summary>Starts the partition over: the definitions (recommendations, metrics, initiatives) as a snapshot document without assessments.</summary>
    /// <param name="definitionsDocument">The snapshot document (UTF-8 JSON, <c>docs/snapshot-document.md</c>).</param>
    /// <returns>A task.</returns>
    Task LoadDefinitionsAsync(byte[] definitionsDocument);

    /// <summary>Adds assessments of assets it owns (before <see cref="SealAsync"/>).</summary>
    /// <param name="batch">The assessments.</param>
    /// <returns>A task.</returns>
    Task AddAssessmentsAsync(AssessmentBatch batch);

    /// <summary>
    /// Reads the assessments of the assets this partition owns from the host's <see cref="IExposurePartitionSource"/>
    /// on its own silo and builds its dataset (after <see cref="LoadDefinitionsAsync"/>, instead of
    /// <see cref="AddAssessmentsAsync"/> and <see cref="SealAsync"/>): no assessment crosses a grain message. Bounded by
    /// <c>ExposureGrainOptions.PartitionLoadTimeout</c>; on failure the partition keeps its definitions and nothing
    /// else, so the load can be tried again.
    /// </summary>
    /// <returns>What it holds.</returns>
    /// <exception cref="InvalidOperationException">
    /// The silo has no <see cref="IExposurePartitionSource"/>; the partition has no definitions, is sealed or already
    /// received assessments in batches; the source threw or gave an asset another partition owns; or its
    /// assessments do not build (a duplicate, an unknown recommendation). The message names the tenant and the
    /// partition.
    /// </exception>
    /// <exception cref="TimeoutException">The load took longer than <c>PartitionLoadTimeout</c>.</exception>
    [ResponseTimeout("1.00:00:00")]
    Task<PartitionInfo> LoadFromSourceAsync();

    /// <summary>Builds the partition's dataset from what it received.</summary>
    /// <returns>What it holds.</returns>
    Task<PartitionInfo> SealAsync();

    /// <summary>The partition's partial in its binary form (<c>ExposureRollupPartial.ToBytes</c>).</summary>
    /// <returns>The bytes.</returns>
    Task<byte[]> GetPartialAsync();

    /// <summary>Changes one assessment of an asset it owns and returns its new partial.</summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="assetId">The asset (owned by this partition).</param>
    /// <param name="status">The new result.</param>
    /// <returns>The new partial's bytes.</returns>
    Task<byte[]> SetAssessmentStatusAsync(string recommendationId, string assetId, AssessmentStatus status);

    /// <summary>What the partition holds.</summary>
    /// <returns>The information.</returns>
    Task<PartitionInfo> GetInfoAsync();
}

/// <summary>
/// The coordinator of a partitioned tenant (key = tenant id): it gives the partitions their definitions, asks
/// them for their partials, merges them and finishes the scores with the engine
/// (<c>ExposureDataset.ToReport(ExposureRollupPartial)</c>), bit for bit equal to a single-process rollup. An
/// incremental change goes to the partition that owns the asset only; the others' partials are reused.
/// </summary>
public interface IExposureRollupCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts the tenant over with these definitions, weights and this many partitions (each partition is reset).</summary>
    /// <param name="definitionsDocument">A snapshot document with the recommendations, metrics and initiatives and no assessment.</param>
    /// <param name="partitionCount">How many partitions, 1 to 1,024.</param>
    /// <param name="scoring">
    /// The tenant's metric weights (its <c>ExposureRefreshPipelineOptions.Scoring</c>), with which the coordinator finishes
    /// the scores; <see langword="null"/> for the defaults (High 3, Medium 2, Low 1). The partitions' partials do not
    /// depend on them.
    /// </param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgumentException">The document carries assessments or names another tenant, or a weight is not finite and greater than 0.</exception>
    Task StartAsync(byte[] definitionsDocument, int partitionCount, ScoringOptions? scoring);

    /// <summary>Asks every partition for its partial (concurrently), merges and finishes.</summary>
    /// <returns>The scores.</returns>
    Task<PartitionedRollupResult> RollupAsync();

    /// <summary>Changes one assessment: sent to the partition that owns the asset only; the others' partials are reused.</summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="assetId">The asset.</param>
    /// <param name="status">The new result.</param>
    /// <returns>The scores after the change.</returns>
    Task<PartitionedRollupResult> SetAssessmentStatusAsync(string recommendationId, string assetId, AssessmentStatus status);
}
