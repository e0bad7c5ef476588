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
/// <para>Registering and disposing are safe from several threads.</para>
/// </remarks>
public sealed class SourcePullContext : IAsyncDisposable
{
    private readonly object _gate = new();
    private List<object>? _resources;
    private bool _disposed;
    private int _pulled;

    /// <summary>Creates the context of one pull.</summary>
    /// <param name="startedAt">When the pull started, from the caller's clock; converted to UTC.</param>
    public SourcePullContext(DateTimeOffset startedAt) => StartedAt = startedAt.ToUniversalTime();

    /// <summary>When the pull started (UTC), from the caller's clock.</summary>
    public DateTimeOffset StartedAt { get; }

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
