using System.Diagnostics;
using System.Globalization;
using ExposureSdk.History.Sqlite.CrashWriter;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ExposureSdk.History.Sqlite.Tests;

/// <summary>
/// Rules §4, rebuilt history is all or nothing, under SIGKILL: a writer child process rebuilds the history of
/// one tenant after another (<see cref="SqliteScoreHistoryStore.AppendManyAsync"/>, 20 days each) and prints
/// "ACK k" after each; the test kills it at a seeded random moment, reopens the database and checks that it
/// is sound, that every acknowledged rebuild is complete, and that no tenant holds part of a rebuild.
/// 50 trials here; <c>EXPOSURESDK_KILL_TRIALS=200</c> runs more (docs: README, "History").
/// </summary>
public sealed class SqliteRebuildKillTrialTests(ITestOutputHelper output) : IDisposable
{
    private const int Days = 20;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-rebuild-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task RebuildKilledAtRandomMoments_LeavesEachTenantsHistoryEmptyOrComplete()
    {
        var trials = int.TryParse(Environment.GetEnvironmentVariable("EXPOSURESDK_KILL_TRIALS"), CultureInfo.InvariantCulture, out var n) && n > 50 ? n : 50;
        var path = Path.Combine(_directory, "history.db");
        var random = new Random(20261202);
        var next = 0;
        var acknowledged = 0;
        var emptyAfterKill = 0;
        var committedUnacknowledged = 0;

        for (var trial = 0; trial < trials; trial++)
        {
            var acks = await RunAndKillAsync(path, next, killAfterMs: random.Next(0, 600));
            acks.Should().Equal(Enumerable.Range(next, acks.Count), "acknowledgements are in order");
            acknowledged += acks.Count;

            using var store = new SqliteScoreHistoryStore(path);
            (await store.CheckIntegrityAsync()).Should().BeTrue($"the database must be sound after trial {trial}");
            var inFlight = next + acks.Count;
            for (var k = next; k <= inFlight; k++)
            {
                var cards = await store.GetCardsAsync(CrashCards.RebuildTenant(k), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                if (k < inFlight)
                {
                    cards.Should().HaveCount(Days, $"tenant {k}'s rebuild was acknowledged in trial {trial}");
                }
                else
                {
                    cards.Count.Should().BeOneOf([0, Days], $"the rebuild in flight when trial {trial} killed the writer is all or nothing");
                }

                if (cards.Count == Days)
                {
                    cards.Select(c => c.AsOf).Should().Equal(Enumerable.Range(0, Days).Select(d => CrashCards.Start.AddDays(d)));
                    cards[^1].Metrics.Should().HaveCount(CrashCards.MetricCount);
                }
            }

            var lastComplete = (await store.GetLatestCardAsync(CrashCards.RebuildTenant(inFlight))) is not null;
            if (lastComplete)
            {
                committedUnacknowledged++;
            }
            else
            {
                emptyAfterKill++;
            }

            next = inFlight + (lastComplete ? 1 : 0);
        }

        output.WriteLine($"{trials} kill trials, {acknowledged} acknowledged rebuilds of {Days} days, 0 lost, 0 partial; "
            + $"killed with a rebuild left empty: {emptyAfterKill}, committed before the acknowledgement: {committedUnacknowledged}");
    }

    private static async Task<List<int>> RunAndKillAsync(string path, int first, int killAfterMs)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "ExposureSdk.History.Sqlite.CrashWriter.dll");
        File.Exists(writer).Should().BeTrue($"the writer helper must be built next to the tests ({writer})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { writer, "rebuild", path, first.ToString(CultureInfo.InvariantCulture), "100000", Days.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (ready != "READY")
        {
            await process.WaitForExitAsync(timeout.Token);
            throw new InvalidOperationException($"The writer did not start: '{ready}'; stderr: {await stderr}");
        }

        var acks = new List<int>();
        var reader = Task.Run(
            async () =>
            {
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (line.StartsWith("ACK ", StringComparison.Ordinal))
                    {
                        lock (acks)
                        {
                            acks.Add(int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
                        }
                    }
                }
            },
            timeout.Token);
        await Task.Delay(killAfterMs, timeout.Token);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(timeout.Token);
        await reader; // every line printed before the kill is an acknowledged rebuild
        return acks;
    }
}
