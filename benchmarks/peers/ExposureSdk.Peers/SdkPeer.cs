using System.Diagnostics;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Scoring;

namespace ExposureSdk.Peers;

/// <summary>What measuring ExposureSdk gave: one row per degree of parallelism, the memory held by the loaded data and the bytes allocated by one rollup.</summary>
internal sealed record SdkRun(IReadOnlyList<Measurement> Measurements, long HeldBytes, long ColumnarBytes, long AllocatedPerRunBytes)
{
    public Measurement Measurement => Measurements[0];
}

/// <summary>
/// ExposureSdk's fastest path: the dataset is streamed into an <see cref="ExposureDatasetBuilder"/>
/// (not timed); then each timed repetition is a full <see cref="ExposureDataset.Recompute"/> (every
/// metric rolled up again from all assessments, in parallel over asset ranges) followed by reading
/// every metric and initiative score. Measured with all cores and with one thread.
/// </summary>
internal static class SdkPeer
{
    public static SdkRun Measure(RollupDataset dataset, int repetitions)
    {
        Console.Error.WriteLine($"ExposureSdk: loading {dataset.AssessmentCount:N0} assessments through ExposureDatasetBuilder...");
        Commands.Collect();
        var before = GC.GetTotalMemory(true);
        var stopwatch = Stopwatch.StartNew();
        var sdk = FastPath.Build(dataset);
        var loadMs = stopwatch.Elapsed.TotalMilliseconds;
        Commands.Collect();
        var held = GC.GetTotalMemory(true) - before;
        var (metricIds, initiativeIds) = FastPath.Ids(dataset);

        var measurements = new List<Measurement>();
        long allocated = 0;
        foreach (var threads in new[] { Environment.ProcessorCount, 1 })
        {
            RollUp(sdk, threads, metricIds, initiativeIds);
            var times = new List<double>();
            for (var i = 0; i < repetitions; i++)
            {
                Commands.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(true);
                stopwatch.Restart();
                RollUp(sdk, threads, metricIds, initiativeIds);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                if (threads == Environment.ProcessorCount)
                {
                    allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
                }

                Console.Error.WriteLine($"ExposureSdk ({threads} thread{(threads == 1 ? string.Empty : "s")}) repetition {i + 1}: {times[^1]:F1} ms");
            }

            var result = FastPath.ToResult(sdk.ToReport(), dataset, threads == 1 ? "ExposureSdk (1 thread)" : "ExposureSdk");
            measurements.Add(new Measurement(
                threads == 1 ? "ExposureSdk, 1 thread" : "ExposureSdk",
                $"ExposureDataset.Recompute({(threads == 1 ? "1" : "all cores")}) + read every metric and initiative score",
                dataset.AssetCount,
                dataset.AssessmentCount,
                threads == 1 ? 0 : loadMs,
                times,
                result));
        }

        return new SdkRun(measurements, held, sdk.ColumnarBytes, allocated);
    }

    private static double RollUp(ExposureDataset sdk, int threads, MetricId[] metricIds, InitiativeId[] initiativeIds)
    {
        sdk.Recompute(threads);
        var checksum = 0.0;
        foreach (var id in metricIds)
        {
            checksum += sdk.GetMetricScore(id) ?? 0;
        }

        foreach (var id in initiativeIds)
        {
            checksum += sdk.GetInitiativeScore(id) ?? 0;
        }

        return checksum;
    }
}
