using System.Globalization;
using ExposureSdk.KillTrials;

// Kill trials with counts (issue 17 §3; docs/quality.md, "Kill trials").
//   dotnet run --project tests/ExposureSdk.KillTrials -c Release -- [--trials 200] [--writers append,rebuild,export] [--seed 20261203]
// prints one line per writer (trials, acknowledged writes, losses, corrupt results) and exits 1 on any loss or corruption.
// The child-* modes are the writers the runner starts and kills.
if (args.Length > 0 && args[0].StartsWith("child-", StringComparison.Ordinal))
{
    return await ChildWriters.RunAsync(args);
}

var trials = 200;
var seed = 20261203;
var writers = KillTrialRunner.Writers;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--trials": trials = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--writers": writers = args[i + 1].Split(','); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var directory = Path.Combine(Path.GetTempPath(), "exposuresdk-kill-trials-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    var runner = new KillTrialRunner(directory, seed, line => Console.Error.WriteLine("  " + line));
    Console.WriteLine(FormattableString.Invariant($"kill trials: {trials} per writer, seed {seed}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, {Environment.ProcessorCount} cores"));
    Console.WriteLine(WriterReport.Header);
    var passed = true;
    foreach (var writer in writers)
    {
        var report = await runner.RunAsync(writer, trials);
        Console.WriteLine(report);
        passed &= report.Passed;
    }

    Console.WriteLine(passed ? "no acknowledged write lost, nothing corrupt" : "FAILED: an acknowledged write was lost or a result was corrupt (details above)");
    return passed ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}
