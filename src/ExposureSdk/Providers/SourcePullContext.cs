namespace ExposureSdk.Providers;

/// <summary>
/// One pull of one source provider: what the pull is for and the resources it opened. Created by the
/// caller of <see cref="ExposureSourceProvider.PullAsync"/> (the refresh pipeline creates one per
/// provider per refresh), passed to <see cref="ExposureSourceProvider.PullCoreAsync"/>, and disposed by
/// that caller once every record of the pull's <see cref="SourceBatch"/> was read (or the pull failed,
/// timed out or was cancelled).
/// </summary>
/// <remarks>
/// <para>
/// A context serves exactly one pull: passing it to a second <see cref="ExposureSourceProvider.PullAsync"/>
/// call throws. Whatever one pull needs to keep (the document it read, an open stream, a response whose
/// pages the batch's members read lazily) lives in the pull: in the batch's members and, for a resource
/// that must be closed, in <see cref="RegisterForDispose(IAsyncDisposable)"/>. Never in the provider's
/// fields, which several pulls may share at once.
/// </para>
/// <para>
/// <b>Coverage and warnings.</b> A provider says how much of the source the pull covered
/// (<see cref="ReportCoverage"/>: Active, Limited with the reason, or Inactive, domain rules §2) and what
/// the caller should know about it (<see cref="ReportWarning"/>, for example a file that could not be
/// read while the others were). It may report at any time until the pull ends, also while the batch's
/// streams are read; the refresh pipeline reads both once every stream was read, and puts them in the
/// provider's <c>ProviderOutcome</c>. A source that reports nothing is Active.
/// </para>
/// <para>Registering, reporting and disposing are safe from several threads.</para>
/// </remarks>
public sealed class SourcePullContext : IAsyncDisposable
{
    /// <summary>The most warnings one pull keeps; later ones are counted, not kept.</summary>
    public const int MaxWarnings = 1000;

    /// <summary>The longest warning kept, in UTF-16 code units; a longer one is cut with an ellipsis.</summary>
    public const int MaxWarningLength = 4096;

    private readonly object _gate = new();
    private readonly List<string> _warnings = [];
    private List<object>? _resources;
    private SourceCoverage? _coverage;
    private int _droppedWarnings;
    private bool _disposed;
    private int _pulled;

    /// <summary>Creates the context of one pull.</summary>
    /// <param name="startedAt">When the pull started, from the caller's clock; converted to UTC.</param>
    public SourcePullContext(DateTimeOffset startedAt) => StartedAt = startedAt.ToUniversalTime();

    /// <summary>When the pull started (UTC), from the caller's clock.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The coverage the provider reported (the latest report wins), or <see langword="null"/> when it reported none (the source is then Active).</summary>
    public SourceCoverage? Coverage
    {
        get
        {
            lock (_gate)
            {
                return _coverage;
            }
        }
    }

    /// <summary>
    /// The warnings the provider reported, in order: at most <see cref="MaxWarnings"/>, then one more
    /// saying how many were left out.
    /// </summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                var copy = new List<string>(_warnings);
                if (_droppedWarnings > 0)
                {
                    copy.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_droppedWarnings} more warning(s) were left out."));
                }

                return copy.AsReadOnly();
            }
        }
    }

    /// <summary>
    /// Reports how much of the source this pull covered (domain rules §2): Active, Limited (with the
    /// reason) or Inactive (its recommendations are then not shown). A later report replaces an earlier
    /// one. Report a failure by throwing <see cref="ExposureSourceException"/> instead.
    /// </summary>
    /// <param name="coverage">The coverage.</param>
    /// <exception cref="ArgumentNullException"><paramref name="coverage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="coverage"/> says <see cref="SourceStatus.Failed"/>: throw <see cref="ExposureSourceException"/> instead.</exception>
    /// <exception cref="ObjectDisposedException">The pull already ended.</exception>
    public void ReportCoverage(SourceCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        if (coverage.Status == SourceStatus.Failed)
        {
            throw new ArgumentException("A pull reports a failure by throwing ExposureSourceException, not as its coverage.", nameof(coverage));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _coverage = coverage;
        }
    }

    /// <summary>
    /// Reports something the caller should know about this pull (a record skipped and why, a file that
    /// could not be read while the others were, a figure that disagrees with the service's own). Never put
    /// a token or a raw payload in it. Up to <see cref="MaxWarnings"/> are kept, each cut to
    /// <see cref="MaxWarningLength"/> characters; later ones are only counted.
    /// </summary>
    /// <param name="message">The warning, in one sentence.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space.</exception>
    /// <exception cref="ObjectDisposedException">The pull already ended.</exception>
    public void ReportWarning(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (message.Length > MaxWarningLength)
        {
            message = Internal.TextCut.WithEllipsis(message, MaxWarningLength);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_warnings.Count < MaxWarnings)
            {
                _warnings.Add(message);
            }
            else
            {
                _droppedWarnings++;
            }
        }
    }

    /// <summary>
    /// Keeps a resource the pull opened (a stream, a response) until the pull ends: the context disposes
    /// it, after every record was read, in reverse order of registration.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The pull already ended (the resource is not taken).</exception>
    public void RegisterForDispose(IAsyncDisposable resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Register(resource);
    }

    /// <summary>
    /// Keeps a resource the pull opened until the pull ends: the context disposes it, after every record
    /// was read, in reverse order of registration.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The pull already ended (the resource is not taken).</exception>
    public void RegisterForDispose(IDisposable resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Register(resource);
    }

    /// <summary>
    /// Ends the pull: disposes every registered resource in reverse order of registration. Every
    /// resource is disposed even when one throws; the first failure is then rethrown (several as an
    /// <see cref="AggregateException"/>). A second call does nothing.
    /// </summary>
    /// <returns>A task that completes when every resource is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        List<object>? resources;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            resources = _resources;
            _resources = null;
        }

        if (resources is null)
        {
            return;
        }

        List<Exception>? failures = null;
        for (var i = resources.Count - 1; i >= 0; i--)
        {
            try
            {
                if (resources[i] is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    ((IDisposable)resources[i]).Dispose();
                }
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is { Count: 1 })
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures is not null)
        {
            throw new AggregateException("Disposing the pull's resources failed.", failures);
        }
    }

    /// <summary>Claims the context for one pull.</summary>
    /// <exception cref="ObjectDisposedException">The context was disposed.</exception>
    /// <exception cref="ArgumentException">The context already served a pull.</exception>
    internal void Claim()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        if (Interlocked.Exchange(ref _pulled, 1) != 0)
        {
            throw new ArgumentException("A pull context serves one pull; create a new context for each pull.", "context");
        }
    }

    private void Register(object resource)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            (_resources ??= []).Add(resource);
        }
    }
}
