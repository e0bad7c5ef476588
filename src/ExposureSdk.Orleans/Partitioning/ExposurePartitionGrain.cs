using ExposureSdk.Scoring;
using Orleans.Placement;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>The partition grain: see <see cref="IExposurePartitionGrain"/>.</summary>
[ActivationCountBasedPlacement]
internal sealed class ExposurePartitionGrain : Grain, IExposurePartitionGrain
{
    private string _tenantId = string.Empty;
    private int _count;
    private int _index;
    private ExposureSnapshot? _definitions;
    private ExposureDatasetBuilder? _builder;
    private ExposureDataset? _dataset;
    private long _updates;
    private long _partials;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var parts = key.Split('/');
        if (parts.Length < 3 || !int.TryParse(parts[^2], System.Globalization.CultureInfo.InvariantCulture, out _count) || !int.TryParse(parts[^1], System.Globalization.CultureInfo.InvariantCulture, out _index)
            || _count < 1 || _count > AssetPartitioner.MaxPartitions || _index < 0 || _index >= _count)
        {
            throw new ArgumentException($"A partition's key is '{{tenant}}/{{count}}/{{index}}'; got '{key}'.");
        }

        _tenantId = string.Join('/', parts[..^2]);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task LoadDefinitionsAsync(byte[] definitionsDocument)
    {
        ArgumentNullException.ThrowIfNull(definitionsDocument);
        var definitions = SnapshotDocument.Read(definitionsDocument);
        _definitions = definitions;
        _builder = NewBuilder(definitions);
        _dataset = null;
        _updates = 0;
        _partials = 0;
        return Task.CompletedTask;
    }

    public Task AddAssessmentsAsync(AssessmentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var builder = _builder ?? throw new InvalidOperationException($"Partition {_index} of tenant '{_tenantId}' has no definitions, or is sealed: start the tenant again.");
        if (batch.AssetIds.Count != batch.RecommendationIds.Count || batch.Statuses.Count != batch.RecommendationIds.Count)
        {
            throw new ArgumentException("The batch's three lists differ in length.", nameof(batch));
        }

        for (var k = 0; k < batch.AssetIds.Count; k++)
        {
            var asset = batch.AssetIds[k];
            if (AssetPartitioner.PartitionOf(asset, _count) != _index)
            {
                throw new ArgumentException($"Asset '{asset}' belongs to partition {AssetPartitioner.PartitionOf(asset, _count)}, not {_index}.", nameof(batch));
            }

            builder.AddAssessment(batch.RecommendationIds[k], asset, batch.Statuses[k]);
        }

        return Task.CompletedTask;
    }

    public Task<PartitionInfo> SealAsync()
    {
        var builder = _builder ?? throw new InvalidOperationException($"Partition {_index} of tenant '{_tenantId}' has no definitions, or is sealed: start the tenant again.");
        _dataset = builder.Build();
        _builder = null;
        return GetInfoAsync();
    }

    public Task<byte[]> GetPartialAsync()
    {
        var dataset = Sealed();
        _partials++;
        return Task.FromResult(dataset.ToPartial().ToBytes());
    }

    public Task<byte[]> SetAssessmentStatusAsync(string recommendationId, string assetId, AssessmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(assetId);
        if (AssetPartitioner.PartitionOf(assetId, _count) != _index)
        {
            throw new ArgumentException($"Asset '{assetId}' belongs to partition {AssetPartitioner.PartitionOf(assetId, _count)}, not {_index}.", nameof(assetId));
        }

        var dataset = Sealed();
        dataset.SetAssessmentStatus(recommendationId, assetId, status);
        _updates++;
        _partials++;
        return Task.FromResult(dataset.ToPartial().ToBytes());
    }

    public Task<PartitionInfo> GetInfoAsync() => Task.FromResult(new PartitionInfo(
        _tenantId,
        _index,
        _count,
        _dataset?.AssetCount ?? 0,
        _dataset?.AssessmentCount ?? _builder?.AssessmentCount ?? 0,
        _dataset is not null,
        _updates,
        _partials,
        RuntimeIdentity));

    internal static ExposureDatasetBuilder NewBuilder(ExposureSnapshot definitions)
    {
        var builder = new ExposureDatasetBuilder(definitions.TenantId, definitions.AsOf);
        foreach (var r in definitions.Recommendations)
        {
            builder.AddRecommendation(r);
        }

        foreach (var m in definitions.Metrics)
        {
            builder.AddMetric(m);
        }

        foreach (var i in definitions.Initiatives)
        {
            builder.AddInitiative(i);
        }

        return builder;
    }

    private ExposureDataset Sealed() => _dataset ?? throw new InvalidOperationException($"Partition {_index} of tenant '{_tenantId}' is not sealed: load the tenant first.");
}
