using BenchmarkDotNet.Running;

namespace ExposureSdk.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/ExposureSdk.Benchmarks -- --filter '*' --job short</c>.
/// Every BenchmarkDotNet command-line option works (filters, jobs, exporters). On the shared 2-core
/// machine the generated project of a run can take more than BenchmarkDotNet's default two minutes
/// to build, so the build timeout is 15 minutes unless <c>--buildTimeout</c> is given.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (!args.Any(a => a.Equals("--buildTimeout", StringComparison.OrdinalIgnoreCase)))
        {
            args = [.. args, "--buildTimeout", "900"];
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
    }
}
