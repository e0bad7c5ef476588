using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Orleans;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Cluster;

/// <summary>
/// One large tenant partitioned across the silos against the single-process rollup of the same generated data: load
/// (generate, build, first rollup), memory held, the rollups alternated, and the bytes that crossed the cluster.
/// </summary>
internal sealed class Partitioned
{
    private readonly List<double> _clusterMs = [];
    private readonly List<double> _singleRecomputeMs = [];
    private readonly List<double> _singleReportMs = [];

    public required long Assets { get; init; }

    public required long Assessments { get; init; }

    public required int Partitions { get; init; }

    public required string LoadPath { get; init; }

    public required IReadOnlyList<string> PartitionSilos { get; init; }

    public required double ClusterLoadMs { get; init; }

    public required double SingleProcessLoadMs { get; init; }

    public required long DefinitionsBytes { get; init; }

    public required long ClusterColumnarBytes { get; init; }

    public required long ClusterHeapBytes { get; init; }

    public required long SingleProcessColumnarBytes { get; init; }

    public required long SingleProcessHeapBytes { get; init; }

    public long PartialBytes { get; private set; }

    public bool EqualsSingleProcess { get; private set; } = true;

    /// <summary>Loads the tenant in the cluster, then in one process, then alternates their rollups <paramref name="rollups"/> times.</summary>
    public static async Task<Partitioned> RunAsync(ExposureCluster exposure, ShardedTenant large, int partitions, int rollups, bool batches)
    {
        var heap0 = Heap();
        var watch = Stopwatch.StartNew();
        var infos = batches
            ? await exposure.LoadPartitionedTenantAsync(large.Definitions, large.Assessments(), partitions)
            : await exposure.LoadPartitionedTenantFromSourceAsync(large.Definitions, partitions);
        var clusterLoadMs = watch.Elapsed.TotalMilliseconds;
        var heap1 = Heap();

        watch.Restart();
        var single = large.BuildDataset();
        var singleLoadMs = watch.Elapsed.TotalMilliseconds;
        var heap2 = Heap();

        var result = new Partitioned
        {
            Assets = single.AssetCount,
            Assessments = single.AssessmentCount,
            Partitions = partitions,
            LoadPath = batches ? "batches" : "source",
            PartitionSilos = [.. infos.Select(i => i.Silo)],
            ClusterLoadMs = clusterLoadMs,
            SingleProcessLoadMs = singleLoadMs,
            DefinitionsBytes = SnapshotDocument.WriteToUtf8Bytes(large.Definitions).LongLength,
            ClusterColumnarBytes = infos.Sum(i => i.ColumnarBytes),
            ClusterHeapBytes = heap1 - heap0,
            SingleProcessColumnarBytes = single.ColumnarBytes,
            SingleProcessHeapBytes = heap2 - heap1,
        };

        var coordinator = exposure.GetPartitionedTenant(large.Definitions.TenantId);
        for (var r = 0; r < rollups; r++)
        {
            watch.Restart();
            var rollup = await coordinator.RollupAsync();
            result._clusterMs.Add(watch.Elapsed.TotalMilliseconds);
            result.PartialBytes = rollup.PartialBytes;

            watch.Restart();
            var report = single.ToReport();
            result._singleReportMs.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            single.Recompute();
            var recomputed = single.ToReport();
            result._singleRecomputeMs.Add(watch.Elapsed.TotalMilliseconds);

            result.EqualsSingleProcess &= string.Equals(Dump(rollup), Dump(report), StringComparison.Ordinal) && string.Equals(Dump(report), Dump(recomputed), StringComparison.Ordinal);
        }

        GC.KeepAlive(single);
        return result;
    }

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("assets", Assets);
        json.WriteNumber("assessments", Assessments);
        json.WriteNumber("partitions", Partitions);
        json.WriteString("loadPath", LoadPath);
        json.WriteNumber("silosHoldingPartitions", PartitionSilos.Distinct(StringComparer.Ordinal).Count());
        json.WriteBoolean("equalsSingleProcess", EqualsSingleProcess);
        json.WriteNumber("clusterMs", Math.Round(Median(_clusterMs), 1));
        json.WriteNumber("singleProcessMs", Math.Round(Median(_singleRecomputeMs), 1));
        json.WriteNumber("singleProcessReportMs", Math.Round(Median(_singleReportMs), 1));
        WriteArray(json, "clusterRunsMs", _clusterMs);
        WriteArray(json, "singleProcessRunsMs", _singleRecomputeMs);
        json.WriteNumber("clusterLoadMs", Math.Round(ClusterLoadMs, 1));
        json.WriteNumber("singleProcessLoadMs", Math.Round(SingleProcessLoadMs, 1));
        json.WriteNumber("partialBytes", PartialBytes);
        json.WriteNumber("definitionsBytes", DefinitionsBytes);
        json.WriteNumber("clusterColumnarBytes", ClusterColumnarBytes);
        json.WriteNumber("clusterHeapBytes", ClusterHeapBytes);
        json.WriteNumber("singleProcessColumnarBytes", SingleProcessColumnarBytes);
        json.WriteNumber("singleProcessHeapBytes", SingleProcessHeapBytes);
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, List<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(Math.Round(v, 1));
        }

        json.WriteEndArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

    private static string Dump(PartitionedRollupResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"secure {Bits(r.SecureScore.Achieved)} {Bits(r.SecureScore.Max)}\n");
        foreach (var x in r.Recommendations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rec {x.Id} {x.State} {x.Healthy} {x.Unhealthy} {x.NotApplicable} {Bits(x.AchievedPoints)} {Bits(x.MaxPoints)}\n");
        }

        foreach (var m in r.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"metric {m.Id} {m.Scope} {m.Affected} {Bits(m.Score)} {m.IsApproximate} [{string.Join(',', m.TopAffectedAssetIds)}]\n");
        }

        foreach (var i in r.Initiatives)
        {
            sb.Append(CultureInfo.InvariantCulture, $"init {i.Id} {Bits(i.Score)} {Bits(i.WeightSum)}\n");
        }

        return sb.ToString();
    }

    private static string Dump(ScoreReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"secure {Bits(r.SecureScore.AchievedPoints)} {Bits(r.SecureScore.MaxPoints)}\n");
        foreach (var x in r.Recommendations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rec {x.Id} {x.State} {x.Healthy} {x.Unhealthy} {x.NotApplicable} {Bits(x.Points.AchievedPoints)} {Bits(x.Points.MaxPoints)}\n");
        }

        foreach (var m in r.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"metric {m.Id} {m.Scope} {m.Affected} {Bits(m.Score)} {m.IsApproximate} [{string.Join(',', m.TopAffectedAssetIds)}]\n");
        }

        foreach (var i in r.Initiatives)
        {
            sb.Append(CultureInfo.InvariantCulture, $"init {i.Id} {Bits(i.Score)} {Bits(i.WeightSum)}\n");
        }

        return sb.ToString();
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "null";
}

/// <summary>The host's shard store in the sample: the generated large tenant, each partition generating only the assets it owns.</summary>
internal sealed class ShardedSource(ShardedTenant? large) : IExposurePartitionSource
{
    public async IAsyncEnumerable<Assessment> ReadAssessmentsAsync(string tenantId, int partition, int partitionCount, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (large is null || !string.Equals(tenantId, large.Definitions.TenantId, StringComparison.Ordinal))
        {
            throw new KeyNotFoundException($"the shard store knows no tenant '{tenantId}'.");
        }

        await Task.Yield();
        foreach (var a in large.Assessments(id => AssetPartitioner.PartitionOf(id, partitionCount) == partition))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return a;
        }
    }
}
