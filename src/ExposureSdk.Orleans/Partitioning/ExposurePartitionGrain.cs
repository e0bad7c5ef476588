using System.Globalization;
using ExposureSdk.Orleans.Hosting;
using ExposureSdk.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>The partition grain: see <see cref="IExposurePartitionGrain"/>.</summary>
[PartitionSpreadPlacement]
internal sealed class ExposurePartitionGrain(IOptions<ExposureGrainOptions> options) : Grain, IExposurePartitionGrain
{
    private readonly ExposureGrainOptions _options = options.Value;
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
        if (parts.Length < 3 || !int.TryParse(parts[^2], CultureInfo.InvariantCulture, out _count) || !int.TryParse(parts[^1], CultureInfo.InvariantCulture, out _index)
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
        var builder = _builder ?? throw new InvalidOperationException($"{Name} has no definitions, or is sealed: start the tenant again.");
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

    public async Task<PartitionInfo> LoadFromSourceAsync()
    {
        var builder = _builder ?? throw new InvalidOperationException($"{Name} has no definitions, or is sealed: start the tenant again.");
        if (builder.AssessmentCount > 0)
        {
            throw new InvalidOperationException($"{Name} already received {builder.AssessmentCount} assessment(s) in batches: a partition loads from batches or from the source, not both; start the tenant again.");
        }

        var source = ServiceProvider.GetService<IExposurePartitionSource>()
            ?? throw new InvalidOperationException($"{Name} cannot read its shard: no {nameof(IExposurePartitionSource)} is registered in the silo's services (services.AddSingleton<{nameof(IExposurePartitionSource)}, YourShards>() on every silo).");
        using var timeout = new CancellationTokenSource(_options.PartitionLoadTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None);
        try
        {
            // Reading and building are long and CPU-bound: off the grain's turn scheduler, which stays busy (the grain is not reentrant).
            _dataset = await Task.Run(() => ReadAndBuildAsync(source, builder, linked.Token), linked.Token);
            _builder = null;
            return await GetInfoAsync();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            _builder = NewBuilder(_definitions!);
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Name} did not read and build its shard within {_options.PartitionLoadTimeout} (ExposureGrainOptions.PartitionLoadTimeout); it keeps nothing."));
        }
        catch
        {
            _builder = NewBuilder(_definitions!);
            throw;
        }
    }

    public Task<PartitionInfo> SealAsync()
    {
        var builder = _builder ?? throw new InvalidOperationException($"{Name} has no definitions, or is sealed: start the tenant again.");
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
        RuntimeIdentity,
        _dataset?.ColumnarBytes ?? 0));

    private async Task<ExposureDataset> ReadAndBuildAsync(IExposurePartitionSource source, ExposureDatasetBuilder builder, CancellationToken cancellationToken)
    {
        string? foreign = null;
        var foreignOwner = 0;
        try
        {
            await foreach (var a in source.ReadAssessmentsAsync(_tenantId, _index, _count, cancellationToken).WithCancellation(cancellationToken))
            {
                var asset = a.AssetId.Value;
                var owner = AssetPartitioner.PartitionOf(asset, _count);
                if (owner != _index)
                {
                    (foreign, foreignOwner) = (asset, owner);
                    break;
                }

                builder.AddAssessment(a.RecommendationId.Value, asset, a.Status);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{Name} could not read its assessments from the host's {nameof(IExposurePartitionSource)}: {ex.Message}", ex);
        }

        if (foreign is not null)
        {
            throw new InvalidOperationException($"The host's {nameof(IExposurePartitionSource)} gave {Name} asset '{foreign}', which belongs to partition {foreignOwner}: a partition loads only the assets it owns.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return builder.Build();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{Name} could not build its dataset from the source's assessments: {ex.Message}", ex);
        }
    }

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

    private string Name => string.Create(CultureInfo.InvariantCulture, $"Partition {_index} of {_count} of tenant '{_tenantId}'");

    private ExposureDataset Sealed() => _dataset ?? throw new InvalidOperationException($"{Name} is not sealed: load the tenant first.");
}
