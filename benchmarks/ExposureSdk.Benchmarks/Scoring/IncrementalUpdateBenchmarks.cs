using BenchmarkDotNet.Attributes;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Scoring;

/// <summary>
/// Incremental updates on the rolled-up enterprise tenant (1,000,000 assets, 20,000,000
/// assessments): one assessment flipping between Healthy and Unhealthy (the affected counts, bits
/// and score of every metric containing the recommendation are updated), the same followed by
/// reading the score of every initiative containing those metrics, and one metric's weight change.
/// Each operation works on the next of 4,096 assessments chosen at random (seeded), so no single
/// cache line stays hot. Baseline: looking the two ids up in hash maps, the floor of any update
/// addressed by string ids.
/// </summary>
[MemoryDiagnoser]
public class IncrementalUpdateBenchmarks
{
    private const int Targets = 4096;
    private ExposureDataset _sdk = null!;
    private RecommendationId[] _recs = null!;
    private AssetId[] _assets = null!;
    private AssessmentStatus[] _status = null!;
    private InitiativeId[][] _initiatives = null!;
    private MetricId[] _metricIds = null!;
    private MetricWeight[] _weights = null!;
    private Dictionary<RecommendationId, int> _recIndex = null!;
    private Dictionary<AssetId, int> _assetIndex = null!;
    private int _next;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Or(1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Assets { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) => 1;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = RollupDataset.Generate(DatasetShape.Enterprise(Assets));
        _sdk = FastPath.Build(dataset);
        var report = _sdk.ToReport();
        var random = new Random(20261121);
        _recs = new RecommendationId[Targets];
        _assets = new AssetId[Targets];
        _status = new AssessmentStatus[Targets];
        _initiatives = new InitiativeId[Targets][];
        for (var i = 0; i < Targets; i++)
        {
            int row;
            do
            {
                row = random.Next(dataset.AssessmentCount);
            }
            while (dataset.AssessmentStatus[row] == 0);

            _recs[i] = DatasetSnapshots.RecommendationId(dataset.AssessmentRecommendation[row]);
            _assets[i] = DatasetSnapshots.AssetId(dataset.AssessmentAsset[row]);
            _status[i] = (AssessmentStatus)dataset.AssessmentStatus[row];
            _initiatives[i] = [.. report.FindRecommendation(_recs[i])!.InitiativeIds];
        }

        (_metricIds, _) = FastPath.Ids(dataset);
        _weights = [.. _metricIds.Select(id => report.FindMetric(id)!.Weight)];
        _recIndex = Enumerable.Range(0, dataset.RecommendationCount).ToDictionary(r => (RecommendationId)DatasetSnapshots.RecommendationId(r));
        _assetIndex = Enumerable.Range(0, dataset.AssetCount).ToDictionary(a => (AssetId)DatasetSnapshots.AssetId(a));
    }

    [Benchmark(Baseline = true, Description = "Floor: look the two ids up in hash maps")]
    public int LookUpIds()
    {
        var i = Next();
        return _recIndex[_recs[i]] + _assetIndex[_assets[i]];
    }

    [Benchmark(Description = "SetAssessmentStatus (flip one assessment)")]
    public void SetAssessmentStatus()
    {
        var i = Next();
        _status[i] = _status[i] == AssessmentStatus.Healthy ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy;
        _sdk.SetAssessmentStatus(_recs[i], _assets[i], _status[i]);
    }

    [Benchmark(Description = "SetAssessmentStatus + read the initiative scores it moves")]
    public double SetAssessmentStatusAndReadInitiatives()
    {
        var i = Next();
        _status[i] = _status[i] == AssessmentStatus.Healthy ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy;
        _sdk.SetAssessmentStatus(_recs[i], _assets[i], _status[i]);
        var sum = 0.0;
        foreach (var initiative in _initiatives[i])
        {
            sum += _sdk.GetInitiativeScore(initiative) ?? 0;
        }

        return sum;
    }

    [Benchmark(Description = "SetMetricWeight (Low <-> High)")]
    public void SetMetricWeight()
    {
        var m = Next() % _metricIds.Length;
        _weights[m] = _weights[m] == MetricWeight.High ? MetricWeight.Low : MetricWeight.High;
        _sdk.SetMetricWeight(_metricIds[m], _weights[m]);
    }

    private int Next()
    {
        _next = (_next + 1) & (Targets - 1);
        return _next;
    }
}
