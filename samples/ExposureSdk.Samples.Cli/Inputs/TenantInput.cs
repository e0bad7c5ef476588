using System.Collections.Concurrent;
using ExposureSdk.Demo;

namespace ExposureSdk.Samples.Cli.Inputs;

/// <summary>The snapshots a command works on: the current one, an optional previous one, and the daily history used for trends.</summary>
/// <param name="Source">Where the snapshots came from, for display ("demo tenant (seed 1729)" or a file path).</param>
/// <param name="Current">The snapshot to score.</param>
/// <param name="Previous">The snapshot to compare with for events, if any.</param>
/// <param name="History">Snapshots oldest first, ending with <paramref name="Current"/>: the last 14 days for the demo tenant, or the previous and current files.</param>
/// <param name="EarlierCards">Score cards of earlier days rebuilt by the refresh pipeline from the sources' own history (several sources), oldest first; they come before <paramref name="History"/>.</param>
/// <param name="Sources">One report per source (contracts §2 <c>sources</c>); null when the command derives it from the snapshot.</param>
internal sealed record TenantInput(
    string Source,
    ExposureSnapshot Current,
    ExposureSnapshot? Previous,
    IReadOnlyList<ExposureSnapshot> History,
    IReadOnlyList<ExposureSdk.ScoreCards.ScoreCard>? EarlierCards = null,
    IReadOnlyList<SourceReport>? Sources = null)
{
    /// <summary>The number of daily snapshots the dashboard scores for trends (today and the 13 days before it).</summary>
    public const int TrendDays = 14;

    // Snapshots are immutable and the demo tenant is a pure function of its seed, so in-process
    // callers (the tests) can share them.
    private static readonly ConcurrentDictionary<int, Lazy<TenantInput>> DemoCache = new();

    /// <summary>Builds the input from the built-in demo tenant.</summary>
    /// <param name="seed">The demo tenant's seed.</param>
    /// <returns>Today, yesterday and the last 14 days.</returns>
    public static TenantInput FromDemo(int seed) =>
        DemoCache.GetOrAdd(seed, s => new Lazy<TenantInput>(() => GenerateDemo(s))).Value;

    private static TenantInput GenerateDemo(int seed)
    {
        var demo = DemoTenant.Create(seed);
        var history = demo.GetHistory(TrendDays - 1).ToList();
        return new TenantInput($"demo tenant (seed {seed})", history[^1], history[^2], history);
    }

    /// <summary>Builds the input from snapshot documents.</summary>
    /// <param name="snapshotPath">The current snapshot document.</param>
    /// <param name="previousPath">The previous snapshot document, or null.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="InputException">A file is missing or is not a valid snapshot document (the message names the file and the JSON path).</exception>
    public static async Task<TenantInput> FromFilesAsync(string snapshotPath, string? previousPath, CancellationToken cancellationToken)
    {
        var current = await SnapshotFiles.ReadAsync(snapshotPath, cancellationToken);
        var previous = previousPath is null ? null : await SnapshotFiles.ReadAsync(previousPath, cancellationToken);
        if (previous is not null && previous.AsOf > current.AsOf)
        {
            throw new InputException($"{previousPath}: $.asOf: the previous snapshot ({previous.AsOf:O}) is newer than the current one ({current.AsOf:O}); swap --snapshot and --previous.");
        }

        return new TenantInput(snapshotPath, current, previous, previous is null ? [current] : [previous, current]);
    }
}
