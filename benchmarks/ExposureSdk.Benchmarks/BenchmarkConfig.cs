using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace ExposureSdk.Benchmarks;

/// <summary>The suite's configuration: the default one plus the per-item columns (per assessment, throughput).</summary>
public static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddColumn(new PerItemColumn())
            .AddColumn(new ThroughputColumn())
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40))
            .WithOption(ConfigOptions.JoinSummary, false);
}
