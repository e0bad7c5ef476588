using System.Collections.Concurrent;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ExposureSdk.Benchmarks.Dataset;

namespace ExposureSdk.Benchmarks.Snapshots;

/// <summary>
/// Loading a snapshot document (schemaVersion 1, compact UTF-8 JSON generated from the enterprise
/// dataset by the SDK's writer: assets, 2,000 recommendations, 20 assessments per asset, 300 metrics, 30 initiatives)
/// from bytes in memory. Baseline (the ceiling): one raw <see cref="Utf8JsonReader"/> pass over the
/// same bytes that only tokenises. The MB/s column is the input size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
public class SnapshotDocumentLoadingBenchmarks
{
    private static readonly ConcurrentDictionary<int, long> Sizes = new();
    private byte[] _document = null!;

    public static IEnumerable<int> AssetCounts => BenchmarkSizes.Or(1_000, 10_000, 100_000);

    [ParamsSource(nameof(AssetCounts))]
    public int Assets { get; set; }

    public static long Bytes(string method, IReadOnlyDictionary<string, object> parameters) =>
        Sizes.GetOrAdd((int)parameters[nameof(Assets)], assets => Document(assets).LongLength);

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) =>
        (int)parameters[nameof(Assets)] * 20.0;

    [GlobalSetup]
    public void Setup() => _document = Document(Assets);

    [Benchmark(Baseline = true, Description = "Ceiling: raw Utf8JsonReader pass (tokens only)")]
    public int RawReader()
    {
        var reader = new Utf8JsonReader(_document, new JsonReaderOptions { MaxDepth = 64 });
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "SnapshotDocument.Read(bytes) to an ExposureSnapshot")]
    public ExposureSnapshot ReadSpan() => SnapshotDocument.Read(_document);

    [Benchmark(Description = "SnapshotDocument.Read(stream) to an ExposureSnapshot")]
    public ExposureSnapshot ReadStream()
    {
        using var stream = new MemoryStream(_document, writable: false);
        return SnapshotDocument.Read(stream);
    }

    [Benchmark(Description = "JsonDocument.Parse (DOM, for reference)")]
    public int JsonDom()
    {
        using var document = JsonDocument.Parse(_document);
        return document.RootElement.GetProperty("assessments").GetArrayLength();
    }

    private static byte[] Document(int assets) =>
        DatasetSnapshots.ToDocument(RollupDataset.Generate(DatasetShape.Enterprise(assets)));
}
