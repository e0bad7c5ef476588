namespace ExposureSdk.Providers;

/// <summary>
/// A source provider that reads a snapshot document file (schema version 1, <c>docs/snapshot-document.md</c>)
/// with <see cref="SnapshotDocument.ReadAsync"/> and serves its recommendations, assets, assessments,
/// metrics and initiatives.
/// </summary>
/// <remarks>
/// <para>
/// Each pull opens the file once and serves every list (recommendations, assets, assessments, metrics,
/// initiatives) from that one document, so a file replaced during a refresh never mixes two documents:
/// the pull sees the old one or the new one, whole. The document is parsed again when the opened file's
/// length or last write time differs from the previous read; otherwise the parsed snapshot is reused.
/// Replace the file atomically (write a temporary file beside it, then rename it over the old one): a
/// file rewritten in place while it is read can be read half old, half new. The tenant and time of the
/// document are not used (the pipeline stamps its own).
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

    /// <summary>
    /// Reads the file once (or reuses the previous read when the file it opened has the same length and
    /// write time) and serves every list of the pull from that one document.
    /// </summary>
    /// <param name="context">The pull's context.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ExposureSourceException">The file is missing, cannot be read, or is not a valid snapshot document.</exception>
    protected override async Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
        => SourceBatch.FromSnapshot(await LoadAsync(cancellationToken).ConfigureAwait(false));

    private async Task<ExposureSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException ex)
        {
            throw new ExposureSourceException(Name, $"The snapshot document '{Path}' does not exist.", ex, field: "path");
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new ExposureSourceException(Name, $"The snapshot document '{Path}' does not exist.", ex, field: "path");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExposureSourceException(Name, $"The snapshot document '{Path}' cannot be accessed: {ex.Message}", ex, field: "path");
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                // The stamp is that of the file this handle opened, so a file replaced after the open is
                // neither read nor taken for the one that was read: the next pull sees it.
                var stamp = (RandomAccess.GetLength(stream.SafeFileHandle), File.GetLastWriteTimeUtc(stream.SafeFileHandle));
                var cached = Volatile.Read(ref _cached);
                if (cached is not null && cached.Stamp == stamp)
                {
                    return cached.Snapshot;
                }

                var snapshot = await SnapshotDocument.ReadAsync(stream, _options, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _cached, new Cached(stamp, snapshot));
                return snapshot;
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
    }

    private sealed record Cached((long Length, DateTime LastWrite) Stamp, ExposureSnapshot Snapshot);
}
