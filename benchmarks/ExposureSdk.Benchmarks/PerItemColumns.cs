using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ExposureSdk.Benchmarks;

/// <summary>
/// A benchmark class opts into the per-item columns with public static methods
/// <c>double Items(string method, IReadOnlyDictionary&lt;string, object&gt; parameters)</c> (items one
/// operation handles, e.g. assessments) and/or <c>long Bytes(string method, IReadOnlyDictionary&lt;string, object&gt; parameters)</c>
/// (input bytes one operation reads). They run in the host process, so they compute the figure
/// from the parameters (deterministically) rather than from state set up in the benchmark process.
/// </summary>
internal static class ItemCounts
{
    private static readonly ConcurrentDictionary<(Type, string, string), double?> Cache = new();

    public static double? Items(BenchmarkCase benchmarkCase) => Call(benchmarkCase, "Items");

    public static double? Bytes(BenchmarkCase benchmarkCase) => Call(benchmarkCase, "Bytes");

    private static double? Call(BenchmarkCase benchmarkCase, string name)
    {
        var type = benchmarkCase.Descriptor.Type;
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var parameters = benchmarkCase.Parameters.Items.ToDictionary(p => p.Name, p => p.Value);
        var key = (type, method + ":" + name, benchmarkCase.Parameters.DisplayInfo);
        return Cache.GetOrAdd(key, _ =>
        {
            var target = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static);
            if (target is null)
            {
                return null;
            }

            var value = target.Invoke(null, [method, (IReadOnlyDictionary<string, object>)parameters]);
            return value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
        });
    }
}

/// <summary>Mean time and allocated bytes per item (e.g. per assessment or per series).</summary>
internal sealed class PerItemColumn : IColumn
{
    public string Id => nameof(PerItemColumn);

    public string ColumnName => "Per item: time, alloc";

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time and allocated bytes divided by the items one operation handles (assessments, series...)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var items = ItemCounts.Items(benchmarkCase);
        var report = summary[benchmarkCase];
        if (items is not > 0 || report?.ResultStatistics is null)
        {
            return "-";
        }

        var ns = report.ResultStatistics.Mean / items.Value;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        var bytes = allocated is null ? "?" : (allocated.Value / items.Value).ToString("F2", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{ns:F2} ns, {bytes} B");
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => ItemCounts.Items(c) is > 0);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Input throughput in MB/s (10^6 bytes per second) for benchmarks that read a document.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input bytes per operation divided by the mean time, in 10^6 bytes per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var bytes = ItemCounts.Bytes(benchmarkCase);
        var report = summary[benchmarkCase];
        if (bytes is not > 0 || report?.ResultStatistics is null)
        {
            return "-";
        }

        var seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes.Value / 1e6 / seconds).ToString("F0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => ItemCounts.Bytes(c) is > 0);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
