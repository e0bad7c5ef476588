using BenchmarkDotNet.Attributes;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Scoring;

/// <summary>
/// Full rollup of the enterprise tenant (20 assessments per asset, 2,000 recommendations, 300
/// metrics of ~10 recommendations, 30 initiatives) at 10,000, 100,000 and 1,000,000 assets.
/// Baseline: the physical limit, one sequential pass that only reads the assessment columns.
/// </summary>
[MemoryDiagnoser]
public class RollupBenchmarks
{
    private RollupDataset _dataset = null!;
    private ExposureSnapshot _snapshot = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Assets { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) =>
        (int)parameters[nameof(Assets)] * 20.0;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = RollupDataset.Generate(DatasetShape.Enterprise(Assets));
        _snapshot = DatasetSnapshots.ToSnapshot(_dataset);
    }

    [Benchmark(Baseline = true, Description = "Physical limit: sequential read of the assessment columns")]
    public ulong SequentialRead() => SequentialScan.Sum(_dataset);

    [Benchmark(Description = "ExposureScorer.Score (full report from an ExposureSnapshot)")]
    public ScoreReport Score() => ExposureScorer.Score(_snapshot);
}
