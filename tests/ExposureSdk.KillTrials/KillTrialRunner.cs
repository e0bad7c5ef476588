using System.Diagnostics;
using System.Globalization;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Providers.Scanners;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.KillTrials;

/// <summary>What the trials of one writer found.</summary>
/// <param name="Writer">append, rebuild or export.</param>
/// <param name="Trials">Trials run (one child process each, killed with SIGKILL).</param>
/// <param name="Acknowledged">Writes the child acknowledged before it was killed (cards, rebuilt histories or export files).</param>
/// <param name="Lost">Acknowledged writes missing after the kill (must be 0).</param>
/// <param name="Corrupt">Trials after which the store or file was unsound, partial or held something never written (must be 0).</param>
/// <param name="InFlightCommitted">Trials whose write in flight at the kill was there afterwards, complete (allowed: it committed before its acknowledgement was printed).</param>
/// <param name="StrayTempFiles">Temporary files a killed export writer left beside the file (deleted by the runner; never read as the file).</param>
/// <param name="Elapsed">Wall time of the trials.</param>
public sealed record WriterReport(string Writer, int Trials, long Acknowledged, long Lost, long Corrupt, int InFlightCommitted, int StrayTempFiles, TimeSpan Elapsed)
{
    public bool Passed => Lost == 0 && Corrupt == 0;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Writer,-8} {Trials,7:N0} {Acknowledged,13:N0} {Lost,5:N0} {Corrupt,8:N0} {InFlightCommitted,19:N0} {StrayTempFiles,17:N0} {Elapsed.TotalSeconds,8:F1} s");

    public const string Header = "writer    trials  acknowledged  lost  corrupt  in-flight committed  stray temp files   elapsed";
}

/// <summary>
/// Runs kill trials (issue 17 §3): each trial starts a writer as a child process (this program in a child
/// mode), waits for a random number of acknowledgements and a random delay, kills it with SIGKILL
/// (<see cref="Process.Kill(bool)"/>), then reopens what it wrote and checks that every acknowledged write is
/// there, complete, and that nothing is corrupt. The writers: SQLite history appends, the all-or-nothing
/// history rebuild (<see cref="SqliteScoreHistoryStore.AppendManyAsync"/>), and the OCSF export file
/// (<see cref="OcsfComplianceFindingWriter.WriteFileAsync"/>, temp file then rename). Each writer keeps one
/// database or file across all its trials, so every trial also recovers from all the kills before it.
/// </summary>
public sealed class KillTrialRunner(string directory, int seed, Action<string>? log = null)
{
    public static readonly string[] Writers = ["append", "rebuild", "export"];

    private static readonly TimeSpan TrialTimeout = TimeSpan.FromMinutes(2);

    private readonly Random _random = new(seed);

    public Task<WriterReport> RunAsync(string writer, int trials, CancellationToken cancellationToken = default) => writer switch
    {
        "append" => AppendAsync(trials, cancellationToken),
        "rebuild" => RebuildAsync(trials, cancellationToken),
        "export" => ExportAsync(trials, cancellationToken),
        _ => throw new ArgumentException($"Unknown writer '{writer}' (append, rebuild or export).", nameof(writer)),
    };

    private async Task<WriterReport> AppendAsync(int trials, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(directory, "append.db");
        long acknowledged = 0, lost = 0, corrupt = 0;
        var inFlight = 0;
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var trial = 0; trial < trials; trial++)
        {
            var tenant = TrialData.Tenant("append", trial);
            var acks = await RunChildAsync("child-append", path, tenant, 100_000, waitAcks: _random.Next(0, 16), jitterMs: _random.Next(0, 25), cancellationToken);
            acknowledged += acks.Count;
            using (var store = new SqliteScoreHistoryStore(path))
            {
                if (!await store.CheckIntegrityAsync(cancellationToken))
                {
                    corrupt++;
                    Log($"append trial {trial}: integrity check failed");
                }

                var cards = await store.GetCardsAsync(tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);
                lost += Math.Max(0, acks.Count - cards.Count);
                var bad = cards.Count > acks.Count + 1 || cards.Select((c, n) => Matches(c, TrialData.Card(tenant, n, TrialData.AppendAsOf(n)))).Contains(false);
                if (bad)
                {
                    corrupt++;
                    Log($"append trial {trial}: {cards.Count} cards after {acks.Count} acknowledgements, or a card differs from what was written");
                }

                inFlight += cards.Count == acks.Count + 1 ? 1 : 0;
                kept[tenant] = cards.Count;
            }

            SqliteConnection.ClearAllPools();
        }

        lost += await RecheckAsync(path, kept, cancellationToken);
        return new WriterReport("append", trials, acknowledged, lost, corrupt, inFlight, 0, clock.Elapsed);
    }

    private async Task<WriterReport> RebuildAsync(int trials, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(directory, "rebuild.db");
        long acknowledged = 0, lost = 0, corrupt = 0;
        var inFlight = 0;
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var trial = 0; trial < trials; trial++)
        {
            var prefix = TrialData.Tenant("rebuild", trial);
            var acks = await RunChildAsync("child-rebuild", path, prefix, 1_000, waitAcks: _random.Next(0, 4), jitterMs: _random.Next(0, 60), cancellationToken);
            acknowledged += acks.Count;
            using (var store = new SqliteScoreHistoryStore(path))
            {
                if (!await store.CheckIntegrityAsync(cancellationToken))
                {
                    corrupt++;
                    Log($"rebuild trial {trial}: integrity check failed");
                }

                for (var k = 0; k <= acks.Count; k++)
                {
                    var tenant = ChildWriters.RebuildTenant(prefix, k);
                    var cards = await store.GetCardsAsync(tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);
                    if (k < acks.Count && cards.Count < TrialData.RebuildDays)
                    {
                        lost++;
                        Log($"rebuild trial {trial}: acknowledged rebuild {tenant} has {cards.Count} of {TrialData.RebuildDays} days");
                    }

                    if (cards.Count is not 0 and not TrialData.RebuildDays
                        || cards.Select((c, d) => Matches(c, TrialData.Card(tenant, d, TrialData.RebuildAsOf(d), ScoreCards.ScoreCardOrigin.SourceHistory))).Contains(false))
                    {
                        corrupt++;
                        Log($"rebuild trial {trial}: {tenant} holds {cards.Count} days (all or nothing), or a day differs from what was written");
                    }

                    inFlight += k == acks.Count && cards.Count == TrialData.RebuildDays ? 1 : 0;
                    kept[tenant] = cards.Count;
                }
            }

            SqliteConnection.ClearAllPools();
        }

        lost += await RecheckAsync(path, kept, cancellationToken);
        return new WriterReport("rebuild", trials, acknowledged, lost, corrupt, inFlight, 0, clock.Elapsed);
    }

    private async Task<WriterReport> ExportAsync(int trials, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(directory, "export.jsonl");
        long acknowledged = 0, lost = 0, corrupt = 0;
        var inFlight = 0;
        var stray = 0;
        int? onDisk = null; // the version the file holds
        for (var trial = 0; trial < trials; trial++)
        {
            var first = (onDisk ?? -1) + 1;
            var acks = await RunChildAsync("child-export", path, first.ToString(CultureInfo.InvariantCulture), 1_000, waitAcks: _random.Next(0, 6), jitterMs: _random.Next(0, 40), cancellationToken);
            acknowledged += acks.Count;

            // The file holds the last acknowledged version, or the one in flight if its rename happened before the kill.
            var expected = acks.Count > 0 ? acks[^1] : onDisk;
            int? found = null;
            if (File.Exists(path))
            {
                var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                foreach (var candidate in new[] { expected, (expected ?? first - 1) + 1 }.OfType<int>())
                {
                    var written = await ExportBytesAsync(candidate, cancellationToken);
                    if (bytes.AsSpan().SequenceEqual(written))
                    {
                        found = candidate;
                        break;
                    }
                }

                if (found is null)
                {
                    corrupt++;
                    Log($"export trial {trial}: the file ({bytes.Length} bytes) is neither version {expected} nor the one in flight");
                }
            }

            if (expected is { } e && (found is null ? !File.Exists(path) : found < e))
            {
                lost++;
                Log($"export trial {trial}: version {e} was acknowledged but the file holds {found?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
            }

            inFlight += found is { } f && f == (expected ?? first - 1) + 1 ? 1 : 0;
            onDisk = found ?? onDisk;
            foreach (var temp in Directory.EnumerateFiles(directory, ".export.jsonl.*.tmp"))
            {
                stray++;
                File.Delete(temp);
            }
        }

        return new WriterReport("export", trials, acknowledged, lost, corrupt, inFlight, stray, clock.Elapsed);
    }

    /// <summary>After all trials: every tenant still holds what it held after its own trial (later kills lost nothing earlier).</summary>
    private static async Task<long> RecheckAsync(string path, Dictionary<string, int> kept, CancellationToken cancellationToken)
    {
        long lost = 0;
        using var store = new SqliteScoreHistoryStore(path);
        foreach (var (tenant, count) in kept)
        {
            var now = (await store.GetCardsAsync(tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken)).Count;
            lost += Math.Max(0, count - now);
        }

        SqliteConnection.ClearAllPools();
        return lost;
    }

    private static bool Matches(ScoreCards.ScoreCard actual, ScoreCards.ScoreCard expected)
        => actual.AsOf == expected.AsOf
            && actual.SecureScore == expected.SecureScore
            && actual.Origin == expected.Origin
            && actual.Metrics.Count == expected.Metrics.Count
            && actual.Metrics.Zip(expected.Metrics).All(p => p.First.Id == p.Second.Id && p.First.Score == p.Second.Score && p.First.TopAffectedAssetIds.SequenceEqual(p.Second.TopAffectedAssetIds))
            && actual.Initiatives.Count == 1 && actual.Initiatives[0].Score == expected.Initiatives[0].Score;

    private static async Task<byte[]> ExportBytesAsync(int version, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await OcsfComplianceFindingWriter.WriteAsync(TrialData.ExportSnapshot(version), stream, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>Starts a child writer, waits for READY, <paramref name="waitAcks"/> acknowledgements and <paramref name="jitterMs"/>, kills it, and returns every acknowledgement it printed.</summary>
    private static async Task<List<int>> RunChildAsync(string mode, string target, string name, int max, int waitAcks, int jitterMs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(KillTrialRunner).Assembly.Location, mode, target, name, max.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TrialTimeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The writer could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var acks = new List<int>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (ready != "READY")
            {
                throw new InvalidOperationException($"The {mode} writer did not start: '{ready}'; stderr: {await stderr}");
            }

            if (waitAcks == 0)
            {
                enough.TrySetResult();
            }

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
                                if (acks.Count >= waitAcks)
                                {
                                    enough.TrySetResult();
                                }
                            }
                        }
                    }

                    enough.TrySetResult(); // the writer ended (it never should before the kill)
                },
                timeout.Token);
            await enough.Task.WaitAsync(timeout.Token);
            await Task.Delay(jitterMs, timeout.Token);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
            await reader; // lines printed before the kill are acknowledged writes too
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        lock (acks)
        {
            if (!acks.SequenceEqual(Enumerable.Range(acks.Count > 0 ? acks[0] : 0, acks.Count)))
            {
                throw new InvalidOperationException($"The {mode} writer acknowledged out of order: {string.Join(' ', acks)}");
            }

            return [.. acks];
        }
    }

    private void Log(string line) => log?.Invoke(line);
}
