using BenchmarkDotNet.Running;

namespace ExposureSdk.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/ExposureSdk.Benchmarks -- --filter '*' --job short</c>.
/// Every BenchmarkDotNet command-line option works (filters, jobs, exporters).
/// </summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
}
