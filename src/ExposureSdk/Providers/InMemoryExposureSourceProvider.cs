using System.Runtime.CompilerServices;

namespace ExposureSdk.Providers;

/// <summary>
/// A source provider that serves records held in memory: for embedding ExposureSdk in an
/// application that already has its data, and for tests.
/// </summary>
/// <remarks>
/// <para>
/// The records are copied when the provider is created or <see cref="Replace(ExposureSnapshot)"/>d;
/// later changes to the caller's collections are not seen. Replacing is atomic and never tears a
/// pull: every list of one <see cref="ExposureSourceProvider.PullAsync"/> comes from the records held
/// when that pull started, even when <see cref="Replace(ExposureSnapshot)"/> runs while its lists are
/// read; the next pull serves the new records.
/// </para>
/// <para>
/// The provider does not check references between the lists (a metric may name a recommendation
/// another provider supplies); the refresh pipeline checks the merged snapshot. The provider is
/// safe to use from several threads at once.
/// </para>
/// </remarks>
public sealed class InMemoryExposureSourceProvider : ExposureSourceProvider
{
    private Content _content;

    /// <summary>Creates a provider that serves the given records.</summary>
    /// <param name="name">The provider's name, used in results, logs and errors.</param>
    /// <param name="recommendations">The recommendations.</param>
    /// <param name="assets">The assets, if any.</param>
    /// <param name="assessments">The per-asset results, if any.</param>
    /// <param name="metrics">The metrics the provider defines, if any.</param>
    /// <param name="initiatives">The initiatives the provider defines, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="recommendations"/> is <see langword="null"/>, or a list contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or longer than 512 characters.</exception>
    public InMemoryExposureSourceProvider(
        string name,
        IEnumerable<Recommendation> recommendations,
        IEnumerable<Asset>? assets = null,
        IEnumerable<Assessment>? assessments = null,
        IEnumerable<Metric>? metrics = null,
        IEnumerable<Initiative>? initiatives = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        _content = new Content(
            Copy(recommendations, nameof(recommendations)),
            Copy(assets, nameof(assets)),
            assessments?.ToArray() ?? [],
            Copy(metrics, nameof(metrics)),
            Copy(initiatives, nameof(initiatives)));
    }

    /// <summary>Creates a provider that serves every record of a snapshot.</summary>
    /// <param name="name">The provider's name, used in results, logs and errors.</param>
    /// <param name="snapshot">The snapshot whose records to serve (its tenant and time are not used).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or longer than 512 characters.</exception>
    public InMemoryExposureSourceProvider(string name, ExposureSnapshot snapshot)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _content = FromSnapshot(snapshot);
    }

    /// <summary>The number of recommendations the provider currently serves.</summary>
    public int RecommendationCount => Volatile.Read(ref _content).Recommendations.Length;

    /// <summary>Replaces every record the provider serves with those of a snapshot, atomically.</summary>
    /// <param name="snapshot">The snapshot whose records to serve from now on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public void Replace(ExposureSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _content, FromSnapshot(snapshot));
    }

    /// <summary>Serves the records held when the pull starts: every list of one pull comes from the same generation.</summary>
    /// <param name="context">The pull's context.</param>
    /// <param name="cancellationToken">Cancels reading the batch.</param>
    /// <returns>The batch.</returns>
    protected override Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        // One read of the reference: a Replace after this line is seen by the next pull, never by this one.
        var content = Volatile.Read(ref _content);
        return Task.FromResult(new SourceBatch(
            Stream(content.Recommendations, cancellationToken),
            Stream(content.Assets, cancellationToken),
            Stream(content.Assessments, cancellationToken),
            Stream(content.Metrics, cancellationToken),
            Stream(content.Initiatives, cancellationToken)));
    }

    private static Content FromSnapshot(ExposureSnapshot snapshot)
        => new(
            [.. snapshot.Recommendations],
            [.. snapshot.Assets],
            [.. snapshot.Assessments],
            [.. snapshot.Metrics],
            [.. snapshot.Initiatives]);

    private static T[] Copy<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        var array = items?.ToArray() ?? [];
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName}[{i}] is null.");
            }
        }

        return array;
    }

#pragma warning disable CS1998 // The stream is synchronous by nature; it is async to honour the IAsyncEnumerable contract.
    private static async IAsyncEnumerable<T> Stream<T>(T[] items, [EnumeratorCancellation] CancellationToken cancellationToken)
#pragma warning restore CS1998
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    private sealed record Content(
        Recommendation[] Recommendations,
        Asset[] Assets,
        Assessment[] Assessments,
        Metric[] Metrics,
        Initiative[] Initiatives);
}
