using ExposureSdk.Orleans.Hosting;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>
/// Bounds the refreshes one silo runs at the same time (<see cref="ExposureGrainOptions.MaxConcurrentRefreshesPerSilo"/>):
/// a singleton of the silo, entered by every tenant grain around its pipeline's refresh. Waiters are served in
/// arrival order, so a tenant with a slow source holds one slot at most and the others keep flowing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim's wait handle is never requested, so it holds no unmanaged resource.")]
internal sealed class RefreshGate(IOptions<ExposureGrainOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRefreshesPerSilo, options.Value.MaxConcurrentRefreshesPerSilo);
    private int _running;
    private int _maxRunning;
    private long _completed;

    /// <summary>The configured bound.</summary>
    public int Capacity { get; } = options.Value.MaxConcurrentRefreshesPerSilo;

    /// <summary>Refreshes running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most refreshes that ran at once since the silo started.</summary>
    public int MaxRunning => Volatile.Read(ref _maxRunning);

    /// <summary>Refreshes that left the gate since the silo started.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var running = Interlocked.Increment(ref _running);
        int seen;
        while (running > (seen = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen)
        {
        }

        return new Slot(this);
    }

    private void Leave()
    {
        Interlocked.Decrement(ref _running);
        Interlocked.Increment(ref _completed);
        _slots.Release();
    }

    private sealed class Slot(RefreshGate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Leave();
            }
        }
    }
}
