using System.Runtime.CompilerServices;

namespace ExposureSdk.Providers;

/// <summary>
/// Everything one pull of a source provider delivers, as one consistent set of records: the
/// recommendations, assets, assessments, metrics and initiatives of the same read of the source.
/// </summary>
/// <remarks>
/// <para>
/// The members are streams, so a provider with millions of rows never has to hold them in memory: it
/// may read pages lazily as a member is enumerated, from a state it fixed when the pull started (one
/// document, one generation, one "as of" time). A batch belongs to the pull whose
/// <see cref="SourcePullContext"/> made it and is read before that context is disposed.
/// </para>
/// <para>
/// <b>How a batch is read.</b> The refresh pipeline enumerates each member at most once, one at a time,
/// in the order <see cref="Recommendations"/>, <see cref="Assets"/>, <see cref="Assessments"/>,
/// <see cref="Metrics"/>, <see cref="Initiatives"/>, with the pull's cancellation token. Other callers
/// should do the same; a provider may rely on it (for example to read one forward-only stream that
/// holds the records in that order).
/// </para>
/// </remarks>
public sealed class SourceBatch
{
    /// <summary>Creates a batch from the streams of one pull.</summary>
    /// <param name="recommendations">The recommendations (with their count-only results, if any).</param>
    /// <param name="assets">The assets; none if <see langword="null"/>.</param>
    /// <param name="assessments">The per-asset assessments; none if <see langword="null"/>.</param>
    /// <param name="metrics">The metrics the source defines; none if <see langword="null"/>.</param>
    /// <param name="initiatives">The initiatives the source defines; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recommendations"/> is <see langword="null"/>.</exception>
    public SourceBatch(
        IAsyncEnumerable<Recommendation> recommendations,
        IAsyncEnumerable<Asset>? assets = null,
        IAsyncEnumerable<Assessment>? assessments = null,
        IAsyncEnumerable<Metric>? metrics = null,
        IAsyncEnumerable<Initiative>? initiatives = null)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        Recommendations = recommendations;
        Assets = assets ?? AsyncEnumerable.Empty<Asset>();
        Assessments = assessments ?? AsyncEnumerable.Empty<Assessment>();
        Metrics = metrics ?? AsyncEnumerable.Empty<Metric>();
        Initiatives = initiatives ?? AsyncEnumerable.Empty<Initiative>();
    }

    /// <summary>The recommendations, with their count-only results, if any.</summary>
    public IAsyncEnumerable<Recommendation> Recommendations { get; }

    /// <summary>The assets.</summary>
    public IAsyncEnumerable<Asset> Assets { get; }

    /// <summary>The per-asset assessments.</summary>
    public IAsyncEnumerable<Assessment> Assessments { get; }

    /// <summary>The metrics the source defines.</summary>
    public IAsyncEnumerable<Metric> Metrics { get; }

    /// <summary>The initiatives the source defines.</summary>
    public IAsyncEnumerable<Initiative> Initiatives { get; }

    /// <summary>
    /// A batch that serves every record of a snapshot held in memory (its tenant and time are not
    /// used): how a provider that reads its whole source at once answers a pull.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public static SourceBatch FromSnapshot(ExposureSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SourceBatch(
            Stream(snapshot.Recommendations),
            Stream(snapshot.Assets),
            Stream(snapshot.Assessments),
            Stream(snapshot.Metrics),
            Stream(snapshot.Initiatives));
    }

#pragma warning disable CS1998 // The records are in memory; the stream is async to honour the IAsyncEnumerable contract.
    private static async IAsyncEnumerable<T> Stream<T>(IReadOnlyList<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return items[i];
        }
    }
}
