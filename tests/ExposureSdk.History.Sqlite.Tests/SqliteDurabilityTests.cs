using System.Diagnostics;
using System.Globalization;
using ExposureSdk.History.Sqlite.CrashWriter;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.Tests;

/// <summary>
/// A writer child process appends cards and prints "ACK n" after each acknowledged write; the test kills it
/// (SIGKILL of the whole process tree) at a seeded random moment, reopens the database and checks that it
/// is sound and holds every acknowledged card, complete, with no hole. Bounded: 4 crashes.
/// </summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private const int Crashes = 4;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task WriterKilledMidWrite_NeverLosesOrCorruptsAcknowledgedCards_AndReopens()
    {
        var path = Path.Combine(_directory, "history.db");
        var random = new Random(20261121);
        var acknowledged = -1;
        var killedWithWriteInFlight = 0;

        for (var crash = 0; crash < Crashes; crash++)
        {
            var first = acknowledged + 1;
            var killAfter = random.Next(3, 25);
            var acks = await RunWriterAndKillAsync(path, first, killAfter);
            acks.Should().NotBeEmpty("the writer must acknowledge writes before it is killed");
            acks.Should().Equal(Enumerable.Range(first, acks.Count), "acknowledgements are in order");
            acknowledged = acks[^1];

            using var store = new SqliteScoreHistoryStore(path);
            (await store.CheckIntegrityAsync()).Should().BeTrue($"the database must be sound after crash {crash}");
            var cards = await store.GetCardsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
            cards.Count.Should().BeGreaterThanOrEqualTo(acknowledged + 1, "no acknowledged card is lost");
            cards.Count.Should().BeLessThanOrEqualTo(acknowledged + 2, "at most the one write in flight may also have committed");
            for (var n = 0; n < cards.Count; n++)
            {
                var expected = CrashCards.Card(n);
                cards[n].AsOf.Should().Be(expected.AsOf, "cards are complete and in order, with no hole");
                cards[n].SecureScore.Should().Be(expected.SecureScore);
                cards[n].Metrics.Should().HaveCount(CrashCards.MetricCount);
                cards[n].Metrics[^1].TopAffectedAssetIds.Should().Equal(expected.Metrics[^1].TopAffectedAssetIds);
            }

            if (cards.Count == acknowledged + 2)
            {
                killedWithWriteInFlight++;
            }

            // The next writer continues after the last card on disk (a committed but unacknowledged write counts).
            acknowledged = cards.Count - 1;
        }

        // Reopening after the last crash also accepts new writes.
        using var reopened = new SqliteScoreHistoryStore(path);
        await reopened.AppendAsync(CrashCards.Card(acknowledged + 1), []);
        (await reopened.GetLatestCardAsync(CrashCards.Tenant))!.AsOf.Should().Be(CrashCards.AsOf(acknowledged + 1));
        killedWithWriteInFlight.Should().BeInRange(0, Crashes);
    }

    private static async Task<List<int>> RunWriterAndKillAsync(string path, int first, int killAfter)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "ExposureSdk.History.Sqlite.CrashWriter.dll");
        File.Exists(writer).Should().BeTrue($"the writer helper must be built next to the tests ({writer})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(first.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("100000");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var acks = new List<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            while (acks.Count < killAfter)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    break;
                }

                acks.Add(int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // Lines printed before the kill are acknowledged writes too.
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
        {
            if (rest.StartsWith("ACK ", StringComparison.Ordinal))
            {
                acks.Add(int.Parse(rest.AsSpan(4), CultureInfo.InvariantCulture));
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        acks.Should().NotBeEmpty($"the writer printed no acknowledgement; stderr: {await stderr}");
        return acks;
    }
}
