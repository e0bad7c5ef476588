using ExposureSdk.Benchmarks.Dataset;

namespace ExposureSdk.Peers;

/// <summary>The timings of one engine at one size, in milliseconds, and the result of its last repetition.</summary>
internal sealed record Measurement(string Engine, string Detail, int Assets, long Assessments, double LoadMs, IReadOnlyList<double> TimesMs, RollupResult? Result, string? Note = null)
{
    public double MedianMs => Median(TimesMs);

    public double MinMs => TimesMs.Count == 0 ? double.NaN : TimesMs.Min();

    public double MaxMs => TimesMs.Count == 0 ? double.NaN : TimesMs.Max();

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
