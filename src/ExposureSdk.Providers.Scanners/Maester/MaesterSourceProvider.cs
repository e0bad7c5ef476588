using System.Runtime.CompilerServices;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// A source of Microsoft 365 and Entra ID recommendations (CIS Microsoft 365 Foundations Benchmark,
/// CISA SCuBA, EIDSCA and Maester's own tests) from Maester test results files: files and folders of
/// them, read with <see cref="MaesterResultReader"/> (mapping in its remarks, domain rules §7).
/// </summary>
/// <remarks>
/// <para>
/// <b>Several files.</b> A folder is read file by file (top level, <c>.json</c>, in name order). Files are
/// taken in order of <c>ExecutedAt</c> and the later run wins a test's result, so today's state is every
/// test's latest result.
/// </para>
/// <para>
/// <b>History.</b> Runs of different dates are the source's record of earlier days:
/// <see cref="ExposureSourceProvider.GetHistoryAsync"/> yields the state at the end of each run date (with
/// its per-asset results), so a first refresh already has trends and a comparison with yesterday
/// (domain rules §4, rebuilt history).
/// </para>
/// <para>
/// <b>Bad files.</b> A file that cannot be read, or holds a bad test, is left out whole and reported in
/// <see cref="LastRead"/> (an <see cref="ExposureSourceException"/> naming the file and JSON path); the
/// other files still load. When no file can be read, the source fails with that exception. The read is
/// reused while no file changed. Safe to use from several threads.
/// </para>
/// </remarks>
public sealed class MaesterSourceProvider : ExposureSourceProvider
{
    /// <summary>The file extensions read from a folder.</summary>
    public static IReadOnlyList<string> FolderExtensions { get; } = [".json"];

    private readonly ScanSource _source;

    /// <summary>Creates a provider over files and folders of Maester results.</summary>
    /// <param name="paths">Files and folders (a folder's top-level files with <see cref="FolderExtensions"/>).</param>
    /// <param name="name">The provider's name, used in results, logs and errors.</param>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty or holds an empty path, or <paramref name="name"/> is empty or longer than 512 characters.</exception>
    public MaesterSourceProvider(IEnumerable<string> paths, string name = MaesterResultReader.DefaultProviderName)
        : base(name)
        => _source = new ScanSource(Name, ScanSource.FullPaths(paths, nameof(paths)), FolderExtensions, MaesterResultReader.ReadAsync);

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
