using BenchmarkDotNet.Attributes;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Scoring;

/// <summary>
/// The remediation plan of the rolled-up enterprise tenant at 10,000 and 100,000 assets on the fast path
/// (<see cref="ExposureDataset.PlanRemediation"/>: every candidate recommendation's gain for each of its
/// initiatives, from the candidate's own metrics only). Baseline: <see cref="ExposureDataset.ToReport()"/>,
/// the report the plan starts from (its floor: the plan builds it first).
/// </summary>
[MemoryDiagnoser]
public class RemediationBenchmarks
{
    private ExposureDataset _sdk = null!;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Or(10_000, 100_000);

    [ParamsSource(nameof(Sizes))]
    public int Assets { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) =>
        (int)parameters[nameof(Assets)] * 20.0;

    [GlobalSetup]
    public void Setup() => _sdk = FastPath.Build(RollupDataset.Generate(DatasetShape.Enterprise(Assets)));

    [Benchmark(Baseline = true, Description = "Floor: ExposureDataset.ToReport (the plan's baseline)")]
    public ScoreReport Report() => _sdk.ToReport();

    [Benchmark(Description = "ExposureDataset.PlanRemediation")]
    public RemediationPlan PlanRemediation() => _sdk.PlanRemediation();
}
