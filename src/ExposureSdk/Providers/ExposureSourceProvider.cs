using System.Runtime.CompilerServices;
using ExposureSdk.Internal;

namespace ExposureSdk.Providers;

/// <summary>
/// The extension point for sources of exposure data: derive from this class to bring a product's
/// recommendations, assets, per-asset assessments, metrics and initiatives into ExposureSdk.
/// </summary>
/// <remarks>
/// <para>
/// <b>One pull, one consistent batch.</b> A refresh pulls each provider once:
/// <see cref="PullAsync"/> (public, not virtual) validates, calls the protected
/// <see cref="PullCoreAsync"/> and returns a <see cref="SourceBatch"/> whose five streams describe the
/// same read of the source. A provider that holds or reads its whole source at once (a document, an
/// API that answers with everything, records in memory) overrides <see cref="PullCoreAsync"/> only: it
/// reads once and serves every list from that read, so a change of the source during a refresh can
/// never mix two states. A provider with millions of rows returns streams that read lazily from the
/// state it fixed when the pull started.
/// </para>
/// <para>
/// <b>Per-record hooks.</b> The default <see cref="PullCoreAsync"/> composes the per-list hooks, so a
/// provider can instead override <see cref="GetRecommendationsCoreAsync"/> (the assets, assessments,
/// metrics and initiatives hooks yield nothing unless overridden). Each hook is then called when its
/// list is read, one after the other, as before the pull unit existed.
/// </para>
/// <para>
/// <b>Errors.</b> Whatever the pull or a stream of its batch throws (other than cancellation) is
/// wrapped in an <see cref="ExposureSourceException"/> naming the provider; a <see langword="null"/>
/// record also becomes an <see cref="ExposureSourceException"/>.
/// </para>
/// <para>
/// <b>Contract for implementers.</b> Several pulls may run at once and one after another: per-pull
/// state lives in the pull (the batch's streams and the <see cref="SourcePullContext"/>, which also
/// disposes what the pull opened), never in fields. Honour the <see cref="CancellationToken"/>: when it
/// is cancelled, throw <see cref="OperationCanceledException"/> (it passes through untouched). Report a
/// failed call or bad data by throwing <see cref="ExposureSourceException"/> with the status code, error
/// code, request id, record and field you know; any other exception is wrapped for you. Never put
/// access tokens or raw payloads in exception messages.
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

    /// <summary>
    /// Pulls the source once: returns one batch whose recommendations, assets, assessments, metrics and
    /// initiatives all come from the same read of the source.
    /// </summary>
    /// <param name="context">
    /// The pull's context, new for this pull; the caller disposes it after reading the batch (which also
    /// disposes what the pull opened). Read the batch's streams before disposing it, each at most once,
    /// in the order <see cref="SourceBatch"/> documents.
    /// </param>
    /// <param name="cancellationToken">Cancels the pull and the reading of the batch's streams.</param>
    /// <returns>The batch. Its streams wrap failures and <see langword="null"/> records in <see cref="ExposureSourceException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> already served a pull.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="context"/> was disposed.</exception>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SourceBatch> PullAsync(SourcePullContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Claim();
        cancellationToken.ThrowIfCancellationRequested();
        SourceBatch? batch;
        try
        {
            batch = await (PullCoreAsync(context, cancellationToken) ?? throw new InvalidOperationException("The provider returned no pull task.")).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsWrappable(ex, cancellationToken))
        {
            throw Failure("the pull", ex);
        }

        if (batch is null)
        {
            throw new ExposureSourceException(Name, "The provider's pull returned no batch.");
        }

        return new SourceBatch(
            Wrap(_ => batch.Recommendations, "recommendations", cancellationToken),
            Wrap(_ => batch.Assets, "assets", cancellationToken),
            WrapValues(_ => batch.Assessments, "assessments", cancellationToken),
            Wrap(_ => batch.Metrics, "metrics", cancellationToken),
            Wrap(_ => batch.Initiatives, "initiatives", cancellationToken));
    }

    /// <summary>
    /// Pulls the source once. Override it when the provider reads its whole source at once: read once,
    /// here or lazily from the batch's streams, and serve every list from that read (for example
    /// <c>SourceBatch.FromSnapshot(snapshot)</c>).
    /// </summary>
    /// <remarks>
    /// The default composes the per-list hooks: each stream of its batch calls its hook
    /// (<see cref="GetRecommendationsCoreAsync"/>, <see cref="GetAssetsCoreAsync"/>,
    /// <see cref="GetAssessmentsCoreAsync"/>, <see cref="GetMetricsCoreAsync"/>,
    /// <see cref="GetInitiativesCoreAsync"/>) when it is read. Keep per-pull state in locals, the
    /// batch's streams or <paramref name="context"/>, never in fields.
    /// </remarks>
    /// <param name="context">The pull's context (its start time; <see cref="SourcePullContext.RegisterForDispose(IAsyncDisposable)"/> for what the pull opens).</param>
    /// <param name="cancellationToken">Cancels the pull; the batch's streams observe it too.</param>
    /// <returns>The batch.</returns>
    protected virtual Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
        => Task.FromResult(new SourceBatch(
            Defer(GetRecommendationsCoreAsync, "recommendations", cancellationToken),
            Defer(GetAssetsCoreAsync, "assets", cancellationToken),
            Defer(GetAssessmentsCoreAsync, "assessments", cancellationToken),
            Defer(GetMetricsCoreAsync, "metrics", cancellationToken),
            Defer(GetInitiativesCoreAsync, "initiatives", cancellationToken)));

    /// <summary>
    /// Pulls the source and streams only its recommendations (with their count-only results, if any).
    /// Each call is a pull of its own: to read several lists of one consistent state, use <see cref="PullAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The recommendations.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Recommendation> GetRecommendationsAsync(CancellationToken cancellationToken = default)
        => PullOneListAsync(static batch => batch.Recommendations, cancellationToken);

    /// <summary>
    /// Pulls the source and streams only its assets. Each call is a pull of its own: to read several
    /// lists of one consistent state, use <see cref="PullAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assets.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Asset> GetAssetsAsync(CancellationToken cancellationToken = default)
        => PullOneListAsync(static batch => batch.Assets, cancellationToken);

    /// <summary>
    /// Pulls the source and streams only its per-asset assessments. Each call is a pull of its own: to read several
    /// lists of one consistent state, use <see cref="PullAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assessments.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Assessment> GetAssessmentsAsync(CancellationToken cancellationToken = default)
        => PullOneListAsync(static batch => batch.Assessments, cancellationToken);

    /// <summary>
    /// Pulls the source and streams only its metrics. Each call is a pull of its own: to read several
    /// lists of one consistent state, use <see cref="PullAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Metric> GetMetricsAsync(CancellationToken cancellationToken = default)
        => PullOneListAsync(static batch => batch.Metrics, cancellationToken);

    /// <summary>
    /// Pulls the source and streams only its initiatives. Each call is a pull of its own: to read several
    /// lists of one consistent state, use <see cref="PullAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The initiatives.</returns>
    /// <exception cref="ExposureSourceException">The source failed or gave a record the SDK cannot use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Initiative> GetInitiativesAsync(CancellationToken cancellationToken = default)
        => PullOneListAsync(static batch => batch.Initiatives, cancellationToken);

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

    /// <summary>
    /// Yields the source's recommendations, for the default <see cref="PullCoreAsync"/>. Override this
    /// hook (and the other lists' hooks as needed) or <see cref="PullCoreAsync"/>; a provider that
    /// overrides neither fails every pull with an <see cref="ExposureSourceException"/> saying so.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The recommendations.</returns>
    protected virtual IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync(CancellationToken cancellationToken)
        => throw new ExposureSourceException(Name, $"The provider {GetType().Name} overrides neither PullCoreAsync nor GetRecommendationsCoreAsync.");

    /// <summary>Yields the source's assets, for the default <see cref="PullCoreAsync"/>. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assets.</returns>
    protected virtual IAsyncEnumerable<Asset> GetAssetsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Asset>();

    /// <summary>Yields the source's per-asset assessments, for the default <see cref="PullCoreAsync"/>. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assessments.</returns>
    protected virtual IAsyncEnumerable<Assessment> GetAssessmentsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Assessment>();

    /// <summary>Yields the metrics the source defines, for the default <see cref="PullCoreAsync"/>. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The metrics.</returns>
    protected virtual IAsyncEnumerable<Metric> GetMetricsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Metric>();

    /// <summary>Yields the initiatives the source defines, for the default <see cref="PullCoreAsync"/>. Yields nothing unless overridden.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The initiatives.</returns>
    protected virtual IAsyncEnumerable<Initiative> GetInitiativesCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Initiative>();

    /// <summary>
    /// Yields the source's record of earlier days. Yields nothing unless overridden. Override only when
    /// the source really recorded each day (never fabricate a day from today's data): each day's
    /// recommendations carry that day's count-only results and compliance state, and use the same ids
    /// as the recommendations of a pull. Several days on one calendar day are allowed; the
    /// latest counts.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The days.</returns>
    protected virtual IAsyncEnumerable<SourceHistoryDay> GetHistoryCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<SourceHistoryDay>();

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>A stream that calls its hook only when it is read, as the hooks were called before the pull unit.</summary>
    private static async IAsyncEnumerable<T> Defer<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> hook,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = hook(cancellationToken) ?? throw new InvalidOperationException($"The provider returned no sequence of {what}.");
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>One pull of its own, read for one list; the pull's context ends with the enumeration.</summary>
    private async IAsyncEnumerable<T> PullOneListAsync<T>(
        Func<SourceBatch, IAsyncEnumerable<T>> list,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = new SourcePullContext(TimeProvider.System.GetUtcNow());
        await using (context.ConfigureAwait(false))
        {
            var batch = await PullAsync(context, cancellationToken).ConfigureAwait(false);
            await foreach (var item in list(batch).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

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
            ? new ExposureSourceException(Name, $"The provider gave an invalid record while reading {what}: {ex.Message}", ex, field: what == "the pull" ? null : what)
            : new ExposureSourceException(Name, $"Reading {what} failed: {ex.GetType().Name}.", ex);
}
