using System.Diagnostics;
using ExposureSdk.Orleans.Views;
using ExposureSdk.Scoring;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>The coordinator grain: see <see cref="IExposureRollupCoordinatorGrain"/>.</summary>
internal sealed class ExposureRollupCoordinatorGrain : Grain, IExposureRollupCoordinatorGrain
{
    private ExposureDataset? _definitions;
    private int _count;
    private ExposureRollupPartial?[] _partials = [];

    private string TenantId => this.GetPrimaryKeyString();

    public async Task StartAsync(byte[] definitionsDocument, int partitionCount, ScoringOptions? scoring)
    {
        ArgumentNullException.ThrowIfNull(definitionsDocument);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, AssetPartitioner.MaxPartitions);
        var definitions = SnapshotDocument.Read(definitionsDocument);
        if (definitions.Assessments.Count > 0)
        {
            throw new ArgumentException($"The definitions of tenant '{TenantId}' carry {definitions.Assessments.Count} assessment(s); assessments go to the partitions that own their assets.", nameof(definitionsDocument));
        }

        if (!string.Equals(definitions.TenantId, TenantId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The definitions name tenant '{definitions.TenantId}', not '{TenantId}'.", nameof(definitionsDocument));
        }

        _definitions = ExposurePartitionGrain.NewBuilder(definitions).Build(scoring, maxDegreeOfParallelism: 1);
        _count = partitionCount;
        _partials = new ExposureRollupPartial?[partitionCount];
        await Task.WhenAll(Enumerable.Range(0, partitionCount).Select(p => Partition(p).LoadDefinitionsAsync(definitionsDocument)));
    }

    public async Task<PartitionedRollupResult> RollupAsync()
    {
        var definitions = Started();
        var watch = Stopwatch.StartNew();
        var bytes = await Task.WhenAll(Enumerable.Range(0, _count).Select(p => Partition(p).GetPartialAsync()));
        for (var p = 0; p < _count; p++)
        {
            _partials[p] = ExposureRollupPartial.FromBytes(bytes[p]);
        }

        return Finish(definitions, watch, _count, bytes.Sum(b => (long)b.Length));
    }

    public async Task<PartitionedRollupResult> SetAssessmentStatusAsync(string recommendationId, string assetId, AssessmentStatus status)
    {
        var definitions = Started();
        var watch = Stopwatch.StartNew();
        var owner = AssetPartitioner.PartitionOf(assetId, _count);
        var bytes = await Partition(owner).SetAssessmentStatusAsync(recommendationId, assetId, status);
        _partials[owner] = ExposureRollupPartial.FromBytes(bytes);
        long received = bytes.Length;
        var asked = 1;
        for (var p = 0; p < _count; p++)
        {
            if (_partials[p] is null)
            {
                var missing = await Partition(p).GetPartialAsync();
                _partials[p] = ExposureRollupPartial.FromBytes(missing);
                received += missing.Length;
                asked++;
            }
        }

        return Finish(definitions, watch, asked, received);
    }

    private PartitionedRollupResult Finish(ExposureDataset definitions, Stopwatch watch, int asked, long partialBytes)
    {
        var merged = _partials[0]!;
        for (var p = 1; p < _count; p++)
        {
            merged = ExposureRollupPartial.Merge(merged, _partials[p]!);
        }

        var report = definitions.ToReport(merged);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return new PartitionedRollupResult(
            TenantId,
            _count,
            asked,
            merged.AssetCount,
            partialBytes,
            elapsed,
            new PointsView(report.SecureScore.AchievedPoints, report.SecureScore.MaxPoints),
            [.. report.Metrics.Select(m => new RollupMetricView(m.Id.Value, m.Scope, m.Affected, m.Score, m.IsApproximate, [.. m.TopAffectedAssetIds.Select(a => a.Value)]))],
            [.. report.Initiatives.Select(i => new RollupInitiativeView(i.Id.Value, i.Score, i.WeightSum, i.Points is { } pts ? new PointsView(pts.AchievedPoints, pts.MaxPoints) : null))],
            [.. report.Recommendations.Select(r => new RollupRecommendationView(r.Id.Value, r.State, r.Healthy, r.Unhealthy, r.NotApplicable, r.Points.AchievedPoints, r.Points.MaxPoints))]);
    }

    private ExposureDataset Started() => _definitions ?? throw new InvalidOperationException($"Partitioned tenant '{TenantId}' is not started: load it first.");

    private IExposurePartitionGrain Partition(int p) => GrainFactory.GetGrain<IExposurePartitionGrain>(AssetPartitioner.PartitionKey(TenantId, _count, p));
}
