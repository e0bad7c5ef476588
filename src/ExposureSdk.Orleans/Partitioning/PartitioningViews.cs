using ExposureSdk.Orleans.Views;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>A batch of assessments sent to the partition that owns their assets (three parallel arrays).</summary>
[GenerateSerializer, Immutable]
public sealed class AssessmentBatch
{
    /// <summary>Creates the message.</summary>
    /// <param name="recommendationIds">The recommendation of each assessment.</param>
    /// <param name="assetIds">The asset of each assessment.</param>
    /// <param name="statuses">The result of each assessment.</param>
    public AssessmentBatch(IReadOnlyList<string> recommendationIds, IReadOnlyList<string> assetIds, IReadOnlyList<AssessmentStatus> statuses)
    {
        RecommendationIds = recommendationIds;
        AssetIds = assetIds;
        Statuses = statuses;
    }

    /// <summary>The recommendation of each assessment.</summary>
    [Id(0)]
    public IReadOnlyList<string> RecommendationIds { get; }

    /// <summary>The asset of each assessment.</summary>
    [Id(1)]
    public IReadOnlyList<string> AssetIds { get; }

    /// <summary>The result of each assessment.</summary>
    [Id(2)]
    public IReadOnlyList<AssessmentStatus> Statuses { get; }
}

/// <summary>What a partition holds.</summary>
[GenerateSerializer, Immutable]
public sealed class PartitionInfo
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="partition">The partition's index.</param>
    /// <param name="partitionCount">How many partitions the tenant has.</param>
    /// <param name="assets">Assets it owns (0 until sealed).</param>
    /// <param name="assessments">Assessments it holds (received so far, or in its dataset once sealed).</param>
    /// <param name="isSealed">Whether its dataset is built.</param>
    /// <param name="updatesApplied">Incremental changes applied since it was sealed.</param>
    /// <param name="partialsServed">Partials it computed since it was sealed.</param>
    /// <param name="silo">The silo it lives on.</param>
    /// <param name="columnarBytes">The bytes its dataset's arrays hold (<c>ExposureDataset.ColumnarBytes</c>; 0 until sealed).</param>
    public PartitionInfo(string tenantId, int partition, int partitionCount, long assets, long assessments, bool isSealed, long updatesApplied, long partialsServed, string silo, long columnarBytes)
    {
        ColumnarBytes = columnarBytes;
        TenantId = tenantId;
        Partition = partition;
        PartitionCount = partitionCount;
        Assets = assets;
        Assessments = assessments;
        IsSealed = isSealed;
        UpdatesApplied = updatesApplied;
        PartialsServed = partialsServed;
        Silo = silo;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>The partition's index.</summary>
    [Id(1)]
    public int Partition { get; }

    /// <summary>How many partitions the tenant has.</summary>
    [Id(2)]
    public int PartitionCount { get; }

    /// <summary>Assets it owns (0 until sealed).</summary>
    [Id(3)]
    public long Assets { get; }

    /// <summary>Assessments it holds (received so far, or in its dataset once sealed).</summary>
    [Id(4)]
    public long Assessments { get; }

    /// <summary>Whether its dataset is built.</summary>
    [Id(5)]
    public bool IsSealed { get; }

    /// <summary>Incremental changes applied since it was sealed.</summary>
    [Id(6)]
    public long UpdatesApplied { get; }

    /// <summary>Partials it computed since it was sealed.</summary>
    [Id(7)]
    public long PartialsServed { get; }

    /// <summary>The silo it lives on.</summary>
    [Id(8)]
    public string Silo { get; }

    /// <summary>
    /// The bytes its dataset's per-assessment and per-asset arrays hold (<c>ExposureDataset.ColumnarBytes</c>: about
    /// 8 bytes per assessment, asset id strings not included); 0 until sealed.
    /// </summary>
    [Id(9)]
    public long ColumnarBytes { get; }
}

/// <summary>
/// The scores of a partitioned tenant, finished by its coordinator from the merged partials: every number of
/// the engine's report that the rollup computes (Secure Score, metrics, initiatives, recommendations' results and
/// points), equal bit for bit to the single-process rollup of the same assessments.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class PartitionedRollupResult
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="partitions">How many partitions the tenant has.</param>
    /// <param name="partitionsAsked">How many partitions computed a new partial for this result (all for a rollup, the owner only for an incremental change).</param>
    /// <param name="assets">Assets over every partition.</param>
    /// <param name="partialBytes">Bytes of partial results the coordinator received for this result.</param>
    /// <param name="elapsedMilliseconds">How long the coordinator took, from asking the partitions to the finished scores.</param>
    /// <param name="secureScore">Secure Score: points achieved of points possible.</param>
    /// <param name="metrics">The metrics, in ordinal id order.</param>
    /// <param name="initiatives">The initiatives, in ordinal id order.</param>
    /// <param name="recommendations">The recommendations, in ordinal id order.</param>
    public PartitionedRollupResult(string tenantId, int partitions, int partitionsAsked, long assets, long partialBytes, double elapsedMilliseconds, PointsView secureScore, IReadOnlyList<RollupMetricView> metrics, IReadOnlyList<RollupInitiativeView> initiatives, IReadOnlyList<RollupRecommendationView> recommendations)
    {
        TenantId = tenantId;
        Partitions = partitions;
        PartitionsAsked = partitionsAsked;
        Assets = assets;
        PartialBytes = partialBytes;
        ElapsedMilliseconds = elapsedMilliseconds;
        SecureScore = secureScore;
        Metrics = metrics;
        Initiatives = initiatives;
        Recommendations = recommendations;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>How many partitions the tenant has.</summary>
    [Id(1)]
    public int Partitions { get; }

    /// <summary>How many partitions computed a new partial for this result (all for a rollup, the owner only for an incremental change).</summary>
    [Id(2)]
    public int PartitionsAsked { get; }

    /// <summary>Assets over every partition.</summary>
    [Id(3)]
    public long Assets { get; }

    /// <summary>Bytes of partial results the coordinator received for this result.</summary>
    [Id(4)]
    public long PartialBytes { get; }

    /// <summary>How long the coordinator took, from asking the partitions to the finished scores.</summary>
    [Id(5)]
    public double ElapsedMilliseconds { get; }

    /// <summary>Secure Score: points achieved of points possible.</summary>
    [Id(6)]
    public PointsView SecureScore { get; }

    /// <summary>The metrics, in ordinal id order.</summary>
    [Id(7)]
    public IReadOnlyList<RollupMetricView> Metrics { get; }

    /// <summary>The initiatives, in ordinal id order.</summary>
    [Id(8)]
    public IReadOnlyList<RollupInitiativeView> Initiatives { get; }

    /// <summary>The recommendations, in ordinal id order.</summary>
    [Id(9)]
    public IReadOnlyList<RollupRecommendationView> Recommendations { get; }
}

/// <summary>A metric's rollup.</summary>
[GenerateSerializer, Immutable]
public sealed class RollupMetricView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">The metric.</param>
    /// <param name="scope">Assets in scope.</param>
    /// <param name="affected">Affected assets.</param>
    /// <param name="score">Its score, or <see langword="null"/> when unavailable.</param>
    /// <param name="isApproximate">Whether its counts are an approximate sum.</param>
    /// <param name="topAffectedAssetIds">The first affected asset ids, in ordinal order (at most 100).</param>
    public RollupMetricView(string id, long scope, long affected, double? score, bool isApproximate, IReadOnlyList<string> topAffectedAssetIds)
    {
        Id = id;
        Scope = scope;
        Affected = affected;
        Score = score;
        IsApproximate = isApproximate;
        TopAffectedAssetIds = topAffectedAssetIds;
    }

    /// <summary>The metric.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Assets in scope.</summary>
    [Id(1)]
    public long Scope { get; }

    /// <summary>Affected assets.</summary>
    [Id(2)]
    public long Affected { get; }

    /// <summary>Its score, or <see langword="null"/> when unavailable.</summary>
    [Id(3)]
    public double? Score { get; }

    /// <summary>Whether its counts are an approximate sum.</summary>
    [Id(4)]
    public bool IsApproximate { get; }

    /// <summary>The first affected asset ids, in ordinal order (at most 100).</summary>
    [Id(5)]
    public IReadOnlyList<string> TopAffectedAssetIds { get; }
}

/// <summary>An initiative's rollup.</summary>
[GenerateSerializer, Immutable]
public sealed class RollupInitiativeView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">The initiative.</param>
    /// <param name="score">Its score, or <see langword="null"/>.</param>
    /// <param name="weightSum">Σw of its included metrics.</param>
    /// <param name="points">For an initiative without metrics, its points.</param>
    public RollupInitiativeView(string id, double? score, double weightSum, PointsView? points)
    {
        Id = id;
        Score = score;
        WeightSum = weightSum;
        Points = points;
    }

    /// <summary>The initiative.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Its score, or <see langword="null"/>.</summary>
    [Id(1)]
    public double? Score { get; }

    /// <summary>Σw of its included metrics.</summary>
    [Id(2)]
    public double WeightSum { get; }

    /// <summary>For an initiative without metrics, its points.</summary>
    [Id(3)]
    public PointsView? Points { get; }
}

/// <summary>A recommendation's results in the rollup.</summary>
[GenerateSerializer, Immutable]
public sealed class RollupRecommendationView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">The recommendation.</param>
    /// <param name="state">Its compliance state.</param>
    /// <param name="healthy">Healthy results.</param>
    /// <param name="unhealthy">Unhealthy results.</param>
    /// <param name="notApplicable">Not-applicable results.</param>
    /// <param name="achievedPoints">Points achieved.</param>
    /// <param name="maxPoints">Points possible.</param>
    public RollupRecommendationView(string id, ComplianceState state, long healthy, long unhealthy, long notApplicable, double achievedPoints, double maxPoints)
    {
        Id = id;
        State = state;
        Healthy = healthy;
        Unhealthy = unhealthy;
        NotApplicable = notApplicable;
        AchievedPoints = achievedPoints;
        MaxPoints = maxPoints;
    }

    /// <summary>The recommendation.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Its compliance state.</summary>
    [Id(1)]
    public ComplianceState State { get; }

    /// <summary>Healthy results.</summary>
    [Id(2)]
    public long Healthy { get; }

    /// <summary>Unhealthy results.</summary>
    [Id(3)]
    public long Unhealthy { get; }

    /// <summary>Not-applicable results.</summary>
    [Id(4)]
    public long NotApplicable { get; }

    /// <summary>Points achieved.</summary>
    [Id(5)]
    public double AchievedPoints { get; }

    /// <summary>Points possible.</summary>
    [Id(6)]
    public double MaxPoints { get; }
}
