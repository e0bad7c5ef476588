using System.Diagnostics;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Peers;

/// <summary>What measuring ExposureSdk gave: the timings, the memory held by the loaded data and the bytes allocated by one rollup.</summary>
internal sealed record SdkRun(Measurement Measurement, long HeldBytes, long AllocatedPerRunBytes);

/// <summary>
/// ExposureSdk: the dataset is loaded into the SDK's input (not timed), then the full rollup
/// (<see cref="ExposureScorer.Score"/>: recommendation states, metric, initiative and Secure Score
/// scores, breakdowns) is timed.
/// </summary>
internal static class SdkPeer
{
    public static SdkRun Measure(RollupDataset dataset, int repetitions)
    {
        Console.Error.WriteLine($"ExposureSdk: loading {dataset.AssessmentCount:N0} assessments...");
        Commands.Collect();
        var before = GC.GetTotalMemory(true);
        var stopwatch = Stopwatch.StartNew();
        var snapshot = DatasetSnapshots.ToSnapshot(dataset);
        var loadMs = stopwatch.Elapsed.TotalMilliseconds;
        Commands.Collect();
        var held = GC.GetTotalMemory(true) - before;

        var report = ExposureScorer.Score(snapshot);
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < repetitions; i++)
        {
            Commands.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            stopwatch.Restart();
            report = ExposureScorer.Score(snapshot);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            Console.Error.WriteLine($"ExposureSdk repetition {i + 1}: {times[^1]:F1} ms");
        }

        var result = ToResult(report, dataset);
        GC.KeepAlive(snapshot);
        var measurement = new Measurement("ExposureSdk", "ExposureScorer.Score over an ExposureSnapshot (full report)", dataset.AssetCount, dataset.AssessmentCount, loadMs, times, result);
        return new SdkRun(measurement, held, allocated);
    }

    private static RollupResult ToResult(ScoreReport report, RollupDataset dataset)
    {
        var scope = new long[dataset.MetricCount];
        var affected = new long[dataset.MetricCount];
        var metricScores = new double?[dataset.MetricCount];
        for (var m = 0; m < dataset.MetricCount; m++)
        {
            var metric = report.FindMetric(DatasetSnapshots.MetricId(m)) ?? throw new InvalidOperationException($"The report has no metric {DatasetSnapshots.MetricId(m)}.");
            scope[m] = metric.Scope;
            affected[m] = metric.Affected;
            metricScores[m] = metric.Score;
        }

        var initiativeScores = new double?[dataset.InitiativeCount];
        for (var i = 0; i < dataset.InitiativeCount; i++)
        {
            var initiative = report.FindInitiative(DatasetSnapshots.InitiativeId(i)) ?? throw new InvalidOperationException($"The report has no initiative {DatasetSnapshots.InitiativeId(i)}.");
            initiativeScores[i] = initiative.Score;
        }

        return new RollupResult("ExposureSdk", scope, affected, metricScores, initiativeScores);
    }
}
