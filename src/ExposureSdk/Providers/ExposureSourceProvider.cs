using System.Runtime.CompilerServices;
using ExposureSdk.Internal;

namespace ExposureSdk.Providers;

/// <summary>
/// The extension point for sources of exposure data: derive from this class to bring a product's
/// recommendations, assets, per-asset assessments, metrics and initiatives into ExposureSdk.
/// </summary>
/// <remarks>
/// <para>
/// The public methods are not virtual: they validate, then call the protected <c>...CoreAsync</c>
/// hooks, and wrap whatever the hook throws (other than cancellation) in an
/// <see cref="ExposureSourceException"/> naming the provider. A <see langword="null"/> record also
/// becomes an <see cref="ExposureSourceException"/>. Only <see cref="GetRecommendationsCoreAsync"/>
/// must be implemented; the other hooks yield nothing by default.
/// </para>
/// <para>
/// <b>Contract for implementers.</b> Each hook may be called concurrently with the others and more
/// than once, so keep no per-call state in fields. Stream records as they arrive rather than
/// buffering. Honour the <see cref="CancellationToken"/>: when it is cancelled, throw
/// <see cref="OperationCanceledException"/> (it passes through untouched). Report a failed call or bad
/// data by throwing <see cref="ExposureSourceException"/> with the status code, error code, request id,
/// record and field you know; any other exception is wrapped for you. Never put access tokens or raw
/// payloads in exception messages.
/// </para>
/// </remarks>
public abstract class ExposureSourceProvider
{
    /// <summary>Creates a provider.</summary>
    /// <param name="name">The provider's name, used in results, logs and errors (for example <c>MicrosoftGraph</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or longer than 512 characters.</exception>
    protected ExposureSourceProvider(string name) => Name = Guard.Identifier(name);

    /// <summary>The provider's name, used in results, logs and errors.</summary>
    public string Name { get; }

    /// <summary>Streams the source's recommendations (with their count-only results, if any).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The recommendations.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Recommendation> GetRecommendationsAsync(CancellationToken cancellationToken = default)
        => Wrap(GetRecommendationsCoreAsync, "recommendations", cancellationToken);

    /// <summary>Streams the source's assets.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assets.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Asset> GetAssetsAsync(CancellationToken cancellationToken = default)
        => Wrap(GetAssetsCoreAsync, "assets", cancellationToken);

    /// <summary>Streams the source's per-asset assessments.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assessments.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Assessment> GetAssessmentsAsync(CancellationToken cancellationToken = default)
        => WrapValues(GetAssessmentsCoreAsync, "assessments", cancellationToken);

    /// <summary>Streams the metrics the source defines.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Metric> GetMetricsAsync(CancellationToken cancellationToken = default)
        => Wrap(GetMetricsCoreAsync, "metrics", cancellationToken);

    /// <summary>Streams the initiatives the source defines.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The initiatives.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Initiative> GetInitiativesAsync(CancellationToken cancellationToken = default)
        => Wrap(GetInitiativesCoreAsync, "initiatives", cancellationToken);

    /// <summary>
    /// Streams the source's own record of earlier days (for example the 90 days of Microsoft Secure
    /// Score history), which the refresh pipeline reads once, on the first refresh of a tenant whose
    /// history is empty, to rebuild one score card per earlier day.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The days, in any order; nothing when the source keeps no history (the default).</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a day the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<SourceHistoryDay> GetHistoryAsync(CancellationToken cancellationToken = default)
        => Wrap(GetHistoryCoreAsync, "history", cancellationToken);

    /// <summary>Yields the source's recommendations. Required.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The recommendations.</returns>
    protected abstract IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync(CancellationToken cancellationToken);

    /// <summary>Yields the source's assets. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assets.</returns>
    protected virtual IAsyncEnumerable<Asset> GetAssetsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Asset>();

    /// <summary>Yields the source's per-asset assessments. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assessments.</returns>
    protected virtual IAsyncEnumerable<Assessment> GetAssessmentsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Assessment>();

    /// <summary>Yields the metrics the source defines. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The metrics.</returns>
    protected virtual IAsyncEnumerable<Metric> GetMetricsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Metric>();

    /// <summary>Yields the initiatives the source defines. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The initiatives.</returns>
    protected virtual IAsyncEnumerable<Initiative> GetInitiativesCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Initiative>();

    /// <summary>
    /// Yields the source's record of earlier days. Yields nothing unless overridden. Override only when
    /// the source really recorded each day (never fabricate a day from today's data): each day's
    /// recommendations carry that day's count-only results and compliance state, and use the same ids
    /// as <see cref="GetRecommendationsCoreAsync"/>. Several days on one calendar day are allowed; the
    /// latest counts.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The days.</returns>
    protected virtual IAsyncEnumerable<SourceHistoryDay> GetHistoryCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<SourceHistoryDay>();

    /// <inheritdoc/>
    public override string ToString() => Name;

    private async IAsyncEnumerable<T> Wrap<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> core,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var index = 0;
        await foreach (var item in WrapValues(core, what, cancellationToken).ConfigureAwait(false))
        {
            if (item is null)
            {
                throw new ExposureSourceException(Name, $"The provider yielded a null record in {what}[{index}].", field: what);
            }

            index++;
            yield return item;
        }
    }

    private async IAsyncEnumerable<T> WrapValues<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> core,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IAsyncEnumerator<T> enumerator;
        try
        {
            enumerator = (core(cancellationToken) ?? throw new InvalidOperationException($"The provider returned no sequence of {what}.")).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (IsWrappable(ex, cancellationToken))
        {
            throw Failure(what, ex);
        }

        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (IsWrappable(ex, cancellationToken))
                {
                    throw Failure(what, ex);
                }

                yield return enumerator.Current;
            }
        }
    }

    private static bool IsWrappable(Exception ex, CancellationToken cancellationToken)
        => ex is not ExposureSourceException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private ExposureSourceException Failure(string what, Exception ex)
        => ex is ArgumentException
            ? new ExposureSourceException(Name, $"The provider gave an invalid record while reading {what}: {ex.Message}", ex, field: what)
            : new ExposureSourceException(Name, $"Reading {what} failed: {ex.GetType().Name}.", ex);
}
