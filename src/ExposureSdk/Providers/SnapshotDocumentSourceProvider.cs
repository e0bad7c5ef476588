using System.Runtime.CompilerServices;

namespace ExposureSdk.Providers;

/// <summary>
/// A source provider that reads a snapshot document file (schema version 1, <c>docs/snapshot-document.md</c>)
/// with <see cref="SnapshotDocument.ReadAsync"/> and serves its recommendations, assets, assessments,
/// metrics and initiatives.
/// </summary>
/// <remarks>
/// <para>
/// The file is read again whenever its length or last write time changed since the previous read, so a
/// tool that replaces the file between refreshes is picked up by the next refresh; otherwise the parsed
/// snapshot is reused, so the five record streams of one refresh come from one read of the file. The
/// tenant and time of the document are not used (the pipeline stamps its own).
/// </para>
/// <para>
/// A missing or unreadable file, or an invalid document, raises an <see cref="ExposureSourceException"/>
/// naming the provider, the file and (for an invalid document) the JSON path, e.g.
/// <c>$.recommendations[12].impact: unknown value 'Severe'</c>. Safe to use from several threads.
/// </para>
/// </remarks>
public sealed class SnapshotDocumentSourceProvider : ExposureSourceProvider
{
    private readonly SnapshotReadOptions? _options;
    private Cached? _cached;

    /// <summary>Creates a provider over a snapshot document file.</summary>
    /// <param name="name">The provider's name, used in results, logs and errors.</param>
    /// <param name="path">The snapshot document file.</param>
    /// <param name="options">Reader limits; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="path"/> is empty.</exception>
    public SnapshotDocumentSourceProvider(string name, string path, SnapshotReadOptions? options = null)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _options = options;
    }

    /// <summary>The full path of the snapshot document file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    protected override async IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in (await LoadAsync(cancellationToken).ConfigureAwait(false)).Recommendations)
        {
            yield return item;
        }
    }

    /// <inheritdoc/>
    protected override async IAsyncEnumerable<Asset> GetAssetsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in (await LoadAsync(cancellationToken).ConfigureAwait(false)).Assets)
        {
            yield return item;
        }
    }

    /// <inheritdoc/>
    protected override async IAsyncEnumerable<Assessment> GetAssessmentsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in (await LoadAsync(cancellationToken).ConfigureAwait(false)).Assessments)
        {
            yield return item;
        }
    }

    /// <inheritdoc/>
    protected override async IAsyncEnumerable<Metric> GetMetricsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in (await LoadAsync(cancellationToken).ConfigureAwait(false)).Metrics)
        {
            yield return item;
        }
    }

    /// <inheritdoc/>
    protected override async IAsyncEnumerable<Initiative> GetInitiativesCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in (await LoadAsync(cancellationToken).ConfigureAwait(false)).Initiatives)
        {
            yield return item;
        }
    }

    private async Task<ExposureSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(Path);
            if (!info.Exists)
            {
                throw new ExposureSourceException(Name, $"The snapshot document '{Path}' does not exist.", field: "path");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExposureSourceException(Name, $"The snapshot document '{Path}' cannot be accessed: {ex.Message}", ex, field: "path");
        }

        var stamp = (info.Length, info.LastWriteTimeUtc);
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.Stamp == stamp)
        {
            return cached.Snapshot;
        }

        try
        {
            var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                var snapshot = await SnapshotDocument.ReadAsync(stream, _options, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _cached, new Cached(stamp, snapshot));
                return snapshot;
            }
        }
        catch (SnapshotFormatException ex)
        {
            throw new ExposureSourceException(Name, $"The snapshot document '{Path}' is invalid: {ex.Message}", ex, field: "document");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExposureSourceException(Name, $"The snapshot document '{Path}' cannot be read: {ex.Message}", ex, field: "path");
        }
    }

    private sealed record Cached((long Length, DateTime LastWrite) Stamp, ExposureSnapshot Snapshot);
}
