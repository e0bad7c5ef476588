namespace ExposureSdk.Providers.DefenderForCloud.Transport;

/// <summary>
/// A token bucket mirroring Azure Resource Manager's read limit per principal (domain rules §6: a bucket of
/// 250 refilled 25 a second): every request takes one token; an empty bucket waits, on the injected
/// <see cref="TimeProvider"/> (cancellable), until a token is back. Time is measured with the monotonic
/// <see cref="TimeProvider.GetTimestamp"/>.
/// </summary>
internal sealed class ArmReadBucket : IDisposable
{
    private const int MaxWaitsPerToken = 8;

    private readonly int _capacity;
    private readonly double _refillPerSecond;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private double _tokens;
    private long _updatedAt;

    public ArmReadBucket(int capacity, int refillPerSecond, TimeProvider timeProvider)
    {
        _capacity = capacity;
        _refillPerSecond = refillPerSecond;
        _timeProvider = timeProvider;
        _tokens = capacity;
        _updatedAt = timeProvider.GetTimestamp();
    }

    /// <summary>Waits for a token and takes it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; no token is taken.</exception>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var wait = 0; ; wait++)
            {
                var now = _timeProvider.GetTimestamp();
                _tokens = Math.Min(_capacity, _tokens + (_timeProvider.GetElapsedTime(_updatedAt, now).TotalSeconds * _refillPerSecond));
                _updatedAt = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                if (wait >= MaxWaitsPerToken)
                {
                    throw new InvalidOperationException($"The ARM read bucket waited {MaxWaitsPerToken} times for a token without the clock advancing.");
                }

                var missing = TimeSpan.FromSeconds((1 - _tokens) / _refillPerSecond);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(missing.TotalMilliseconds))), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
