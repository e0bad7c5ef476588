using System.Globalization;
using ExposureSdk.Fuzz;

// Fuzzing with counts (issue 17 §2; docs/quality.md, "Fuzzing").
//   dotnet run --project tests/ExposureSdk.Fuzz -c Release -- [--inputs 1000000] [--seconds S (a time bound per target)] [--targets snapshot,graph,...] [--threads 2] [--seed 20261203]
// prints inputs per second and the totals per parser; findings (shrunk) are saved under artifacts/fuzz-findings/<target>/
// and make the exit code 1.
long? inputsGiven = null;
TimeSpan? duration = null;
var threads = 1;
ulong seed = 20261203;
string[]? only = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--inputs": inputsGiven = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seconds": duration = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
        case "--threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--targets": only = args[i + 1].Split(','); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

// --inputs N stops each target after N inputs, --seconds S after S seconds, both at whichever comes first.
var inputs = inputsGiven ?? (duration is null ? 1_000_000 : long.MaxValue);
var fixtures = Seeds.FindFixtures();
var findingsFolder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(fixtures))!, "artifacts", "fuzz-findings");
var targets = FuzzTarget.All(fixtures).Where(t => only is null || only.Contains(t.Name)).ToList();
Console.WriteLine(FormattableString.Invariant($"fuzz: {(inputs == long.MaxValue ? "" : $"{inputs:N0} inputs")}{(inputs != long.MaxValue && duration is not null ? " or " : "")}{(duration is { } d ? $"{d.TotalSeconds:N0} s" : "")} per target, seed {seed}, {threads} thread(s), {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, {Environment.ProcessorCount} cores"));
Console.WriteLine(TargetReport.Header);
var findings = 0;
for (var t = 0; t < targets.Count; t++)
{
    var report = FuzzRunner.Run(targets[t], (uint)(t + 1), seed, inputs, duration, threads, findingsFolder, line => Console.Error.WriteLine(line));
    Console.WriteLine(report);
    foreach (var finding in report.Findings)
    {
        Console.WriteLine($"  FINDING {finding.Signature}: {finding.Message.Split('\n')[0]} (seed {finding.Seed}, {finding.Input.Length} bytes; saved under {findingsFolder})");
    }

    findings += report.Findings.Count;
}

Console.WriteLine(findings == 0 ? "no findings: every input was accepted or refused with the documented exception" : $"FAILED: {findings} finding(s)");
return findings == 0 ? 0 : 1;
