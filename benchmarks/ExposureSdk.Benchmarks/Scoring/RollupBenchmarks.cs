using BenchmarkDotNet.Attributes;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Scoring;

/// <summary>
/// Full rollup of the enterprise tenant (20 assessments per asset, 2,000 recommendations, 300
/// metrics of ~10 recommendations, 30 initiatives) at 10,000, 100,000 and 1,000,000 assets, on the
/// SDK's fast path (<see cref="ExposureDataset.Recompute"/>, then every metric and initiative score
/// read). Baseline: the physical limit, one sequential pass that only reads the assessment columns
/// (rec, asset, status: 9 bytes per assessment) on one thread.
/// </summary>
[MemoryDiagnoser]
public class RollupBenchmarks
{
    private RollupDataset _dataset = null!;
    private ExposureDataset _sdk = null!;
    private MetricId[] _metricIds = null!;
    private InitiativeId[] _initiativeIds = null!;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Or(10_000, 100_000, 1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Assets { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) =>
        (int)parameters[nameof(Assets)] * 20.0;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = RollupDataset.Generate(DatasetShape.Enterprise(Assets));
        _sdk = FastPath.Build(_dataset);
        (_metricIds, _initiativeIds) = FastPath.Ids(_dataset);
    }

    [Benchmark(Baseline = true, Description = "Physical limit: sequential read of the assessment columns (1 thread)")]
    public ulong SequentialRead() => SequentialScan.Sum(_dataset);

    [Benchmark(Description = "ExposureDataset.Recompute (all cores) + read scores")]
    public double Recompute() => RollUp(0);

    [Benchmark(Description = "ExposureDataset.Recompute (1 thread) + read scores")]
    public double RecomputeOneThread() => RollUp(1);

    private double RollUp(int threads)
    {
        _sdk.Recompute(threads);
        var checksum = 0.0;
        foreach (var id in _metricIds)
        {
            checksum += _sdk.GetMetricScore(id) ?? 0;
        }

        foreach (var id in _initiativeIds)
        {
            checksum += _sdk.GetInitiativeScore(id) ?? 0;
        }

        return checksum;
    }
}
