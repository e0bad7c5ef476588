using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace ExposureSdk.Tests.Support;

/// <summary>
/// Runs a CsCheck property: the given number of generated cases in a normal test run (a few seconds
/// in all), or, with <c>EXPOSURESDK_PROPERTY_SECONDS=N</c>, as many as fit in N seconds per property on every
/// core (the long run of docs/quality.md). Each case is new at every run; a failure shrinks to a small case and
/// names its seed, which <c>CsCheck_Seed=&lt;seed&gt;</c> replays first. The number of cases is written to the
/// test output ("Passed N iterations").
/// </summary>
internal static class PropertyRuns
{
    public const string SecondsVariable = "EXPOSURESDK_PROPERTY_SECONDS";

    /// <summary>The seconds each property runs for in the long run, or 0 for a normal run.</summary>
    public static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;

    public static void Check<T>(this Gen<T> gen, Action<T> assert, int iterations, ITestOutputHelper output, Func<T, string>? print = null)
    {
        var name = new System.Diagnostics.StackFrame(1).GetMethod()?.Name ?? "property";
        if (Seconds > 0)
        {
            gen.Sample(assert, line => Write(output, name, line), time: Seconds, print: print);
        }
        else
        {
            gen.Sample(assert, line => Write(output, name, line), iter: iterations, threads: 1, print: print);
        }
    }

    private static void Write(ITestOutputHelper output, string name, string line)
    {
        output.WriteLine($"{name}: {line}");
        if (Seconds > 0)
        {
            // The long run prints each property's count to the console too, for docs/quality.md.
            Console.Error.WriteLine($"[property] {name}: {line}");
        }
    }
}
