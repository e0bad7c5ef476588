using ExposureSdk.KillTrials;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ExposureSdk.Reliability.Tests;

/// <summary>
/// The short kill trials (issue 17 §3): 20 per writer (SQLite appends, the all-or-nothing history rebuild, the
/// OCSF export file), each a child process killed with SIGKILL at a seeded random moment; no acknowledged
/// write may be lost and nothing may be corrupt. <c>dotnet run --project tests/ExposureSdk.KillTrials -c
/// Release</c> runs 200 per writer (docs/quality.md, "Kill trials").
/// </summary>
public sealed class KillTrialSmokeTests(ITestOutputHelper output) : IDisposable
{
    private const int Trials = 20;
    private readonly string _directory = Directory.CreateTempSubdirectory("exposuresdk-kill-trials-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("append")]
    [InlineData("rebuild")]
    [InlineData("export")]
    public async Task WriterKilledAtRandomMoments_LosesNoAcknowledgedWrite_AndNothingIsCorrupt(string writer)
    {
        var log = new List<string>();
        var report = await new KillTrialRunner(_directory, 20261203, line => { lock (log) { log.Add(line); } }).RunAsync(writer, Trials)
            .WaitAsync(TimeSpan.FromMinutes(10));

        output.WriteLine(WriterReport.Header);
        output.WriteLine(report.ToString());
        report.Trials.Should().Be(Trials);
        report.Lost.Should().Be(0, string.Join('\n', log));
        report.Corrupt.Should().Be(0, string.Join('\n', log));
        report.Acknowledged.Should().BeGreaterThan(0, "the writers must acknowledge writes before they are killed");
    }
}
