using System.Runtime.CompilerServices;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// A source of CIS and other compliance recommendations from OCSF findings files (Prowler's JSON, JSON
/// Lines and CSV output, or any OCSF 1.x Detection or Compliance Findings): files and folders of them,
/// read with <see cref="OcsfFindingReader"/> (mapping in its remarks, domain rules §7).
/// </summary>
/// <remarks>
/// <para>
/// <b>Several files.</b> A folder is read file by file (top level; <c>.json</c>, <c>.jsonl</c>,
/// <c>.ndjson</c>, <c>.csv</c>, in name order). Files are taken in order of scan time (their latest
/// finding time, else the file's last write time) and the later file wins a (check, resource) pair, so
/// today's state is every pair's latest result. Decision: a resource that a later scan no longer reports
/// keeps its last result until its file leaves the folder.
/// </para>
/// <para>
/// <b>History.</b> Files of different scan dates are the source's record of earlier days:
/// <see cref="ExposureSourceProvider.GetHistoryAsync"/> yields the state at the end of each scan date
/// (with its per-asset results), so a first refresh already has trends and a comparison with yesterday
/// (domain rules §4, rebuilt history).
/// </para>
/// <para>
/// <b>Bad files.</b> A file that cannot be read, or holds a bad record, is left out whole and reported in
/// <see cref="LastRead"/> (an <see cref="ExposureSourceException"/> naming the file, record and field);
/// the other files still load. When no file can be read, the source fails with that exception. The read
/// is reused while no file changed. Safe to use from several threads.
/// </para>
/// </remarks>
public sealed class OcsfSourceProvider : ExposureSourceProvider
{
    /// <summary>The file extensions read from a folder.</summary>
    public static IReadOnlyList<string> FolderExtensions { get; } = [".json", ".jsonl", ".ndjson", ".csv"];

    private readonly ScanSource _source;

    /// <summary>Creates a provider over files and folders of findings.</summary>
    /// <param name="paths">Files and folders (a folder's top-level files with <see cref="FolderExtensions"/>).</param>
    /// <param name="name">The provider's name, used in results, logs and errors.</param>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty or holds an empty path, or <paramref name="name"/> is empty or longer than 512 characters.</exception>
    public OcsfSourceProvider(IEnumerable<string> paths, string name = OcsfFindingReader.DefaultProviderName)
        : base(name)
        => _source = new ScanSource(Name, ScanSource.FullPaths(paths, nameof(paths)), FolderExtensions, OcsfFindingReader.ReadAsync);

    /// <summary>The full paths of the files and folders read.</summary>
    public IReadOnlyList<string> Paths => _source.Paths;

    /// <summary>What the latest read found (files read, files left out and why, warnings); <see langword="null"/> before the first read.</summary>
    public ScanReadReport? LastRead => _source.LastReport;

    /// <summary>Reads every file once (or reuses the last read while no file changed) and serves today's state from that read.</summary>
    /// <param name="context">The pull's context.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch of today's recommendations, assets and assessments.</returns>
    /// <remarks>
    /// The pull reports its coverage (<see cref="SourcePullContext.ReportCoverage"/>): Active when every file
    /// was read; Limited when some could not be, with a detail naming each such file, its record and field,
    /// and a warning for each; one <see cref="SourceCoveragePart"/> per file (its name, Active or Failed). The
    /// read's own warnings are reported too.
    /// </remarks>
    protected override async Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        var set = await _source.LoadAsync(cancellationToken).ConfigureAwait(false);
        ScanCoverage.Report(context, set.Report, Name);
        return SourceBatch.FromSnapshot(set.Today);
    }

    /// <inheritdoc/>
    protected override async IAsyncEnumerable<SourceHistoryDay> GetHistoryCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var day in (await _source.LoadAsync(cancellationToken).ConfigureAwait(false)).History())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return day;
        }
    }
}
