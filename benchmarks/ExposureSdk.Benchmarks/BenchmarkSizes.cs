using System.Globalization;

namespace ExposureSdk.Benchmarks;

/// <summary>
/// The asset counts a size-parameterised class runs with: its own list, or the comma-separated list in the
/// <c>EXPOSURESDK_BENCH_ASSETS</c> environment variable (set by <c>--assets</c>; BenchmarkDotNet's child
/// processes inherit it), to run every class at one size when time is short.
/// </summary>
public static class BenchmarkSizes
{
    public const string Variable = "EXPOSURESDK_BENCH_ASSETS";

    public static IEnumerable<int> Or(params int[] defaults) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } sizes
            ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : defaults;
}
