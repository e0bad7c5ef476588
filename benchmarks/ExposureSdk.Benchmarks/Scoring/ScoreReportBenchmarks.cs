using BenchmarkDotNet.Attributes;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Scoring;

/// <summary>
/// The full <see cref="ScoreReport"/> (recommendation states and points, every metric and
/// initiative score with contributions, Secure Score, breakdowns) of the enterprise tenant at 10,000
/// and 100,000 assets. Baseline: the fast path (<see cref="ExposureDataset.Recompute"/> then
/// <see cref="ExposureDataset.ToReport()"/>); compared with the plain engine over an
/// <see cref="ExposureSnapshot"/> (<see cref="ExposureScorer.Score"/>), which gives the same report
/// bit for bit.
/// </summary>
[MemoryDiagnoser]
public class ScoreReportBenchmarks
{
    private ExposureSnapshot _snapshot = null!;
    private ExposureDataset _sdk = null!;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Or(10_000, 100_000);

    [ParamsSource(nameof(Sizes))]
    public int Assets { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) =>
        (int)parameters[nameof(Assets)] * 20.0;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = RollupDataset.Generate(DatasetShape.Enterprise(Assets));
        _snapshot = DatasetSnapshots.ToSnapshot(dataset);
        _sdk = FastPath.Build(dataset);
    }

    [Benchmark(Baseline = true, Description = "ExposureDataset.Recompute + ToReport (fast path)")]
    public ScoreReport FastPathReport()
    {
        _sdk.Recompute();
        return _sdk.ToReport();
    }

    [Benchmark(Description = "ExposureScorer.Score over an ExposureSnapshot")]
    public ScoreReport Score() => ExposureScorer.Score(_snapshot);
}
