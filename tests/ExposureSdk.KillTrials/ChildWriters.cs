using System.Globalization;
using ExposureSdk.History;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Providers.Scanners;

namespace ExposureSdk.KillTrials;

/// <summary>
/// The writers, each run as a child process by the runner: it prints "READY" once it is about to write, then
/// "ACK n" after each acknowledged write (the call returned), until it is killed or has written <c>max</c>.
/// </summary>
public static class ChildWriters
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args[0];
        var target = args[1];
        var tenant = args[2];
        var max = int.Parse(args[3], CultureInfo.InvariantCulture);
        switch (mode)
        {
            case "child-append":
            {
                using var store = new SqliteScoreHistoryStore(target);
                await store.GetLatestCardAsync(tenant);
                Ready();
                for (var n = 0; n < max; n++)
                {
                    await store.AppendAsync(TrialData.Card(tenant, n, TrialData.AppendAsOf(n)), []);
                    Ack(n);
                }

                break;
            }

            case "child-rebuild":
            {
                // One rebuilt history per tenant: tenant + "-" + k, each in one all-or-nothing AppendManyAsync.
                using var store = new SqliteScoreHistoryStore(target);
                await store.GetLatestCardAsync(tenant);
                Ready();
                for (var k = 0; k < max; k++)
                {
                    var name = RebuildTenant(tenant, k);
                    var entries = Enumerable.Range(0, TrialData.RebuildDays).Select(d => new ScoreHistoryEntry(TrialData.Card(name, d, TrialData.RebuildAsOf(d), ScoreCards.ScoreCardOrigin.SourceHistory), [])).ToArray();
                    await store.AppendManyAsync(entries);
                    Ack(k);
                }

                break;
            }

            case "child-export":
            {
                // Versions first, first + 1, ... of the export, each replacing the file (temp file, then rename).
                var first = int.Parse(tenant, CultureInfo.InvariantCulture);
                var snapshot = TrialData.ExportSnapshot(first);
                Ready();
                for (var i = 0; i < max; i++)
                {
                    if (i > 0)
                    {
                        snapshot = TrialData.ExportSnapshot(first + i);
                    }

                    await OcsfComplianceFindingWriter.WriteFileAsync(snapshot, target);
                    Ack(first + i);
                }

                break;
            }

            default:
                await Console.Error.WriteLineAsync("unknown child mode " + mode);
                return 2;
        }

        // Written everything: wait to be killed, so a kill never finds the process gone early by design.
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    public static string RebuildTenant(string tenant, int k) => tenant + "-" + k.ToString("D3", CultureInfo.InvariantCulture);

    private static void Ready()
    {
        Console.Out.WriteLine("READY");
        Console.Out.Flush();
    }

    private static void Ack(int n)
    {
        Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
    }
}
