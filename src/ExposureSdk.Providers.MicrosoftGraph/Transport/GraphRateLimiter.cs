using Microsoft.Extensions.Logging;

namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>
/// A sliding-window log limiter for Graph's per-tenant request rate (domain rules §5: 150 requests per
/// minute): at most <c>limit</c> requests start within any window of <see cref="Window"/>. Callers take a
/// slot immediately before sending (retries included); when the window is full the caller waits, on the
/// injected <see cref="TimeProvider"/>, until the oldest request in the window is <see cref="Window"/> old.
/// </summary>
/// <remarks>
/// Waiters are served one at a time in arrival order (a <see cref="SemaphoreSlim"/> turn), so a slot that
/// frees up goes to the longest waiter and every wait is one timer, re-checked a bounded number of times.
/// Time is measured with <see cref="TimeProvider.GetTimestamp"/> (monotonic), so a wall-clock change
/// neither shortens nor lengthens a wait.
/// </remarks>
internal sealed partial class GraphRateLimiter : IDisposable
{
    /// <summary>The length of the window: one minute.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // After a timer fires the window has room, unless the timer fired early by less than its 1 ms rounding;
    // a few re-checks cover that. Reaching the bound means the clock does not advance as its timers claim.
    private const int MaxWaitsPerSlot = 8;

    private readonly int _limit;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<long> _sent;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ILogger _logger;

    public GraphRateLimiter(int limit, TimeProvider timeProvider, ILogger logger)
    {
        _logger = logger;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
        _timeProvider = timeProvider;
        _sent = new Queue<long>(limit);
    }

    /// <summary>
    /// Waits until a request may start within the limit and records it as started now.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting; no slot is taken.</exception>
    /// <exception cref="InvalidOperationException">The clock did not advance after several waits that should have freed a slot.</exception>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var wait = 0; ; wait++)
            {
                var now = _timeProvider.GetTimestamp();
                while (_sent.Count > 0 && _timeProvider.GetElapsedTime(_sent.Peek(), now) >= Window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < _limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                if (wait >= MaxWaitsPerSlot)
                {
                    throw new InvalidOperationException($"The Graph rate limiter waited {MaxWaitsPerSlot} times for a free slot without the clock advancing past the window.");
                }

                var remaining = Window - _timeProvider.GetElapsedTime(_sent.Peek(), now);
                Log.WaitingForSlot(_logger, _limit, remaining.TotalMilliseconds);
                await Task.Delay(RoundUpToMilliseconds(remaining), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    // The system timer has millisecond resolution: a shorter due time would fire at once and spin.
    private static TimeSpan RoundUpToMilliseconds(TimeSpan value)
    {
        var milliseconds = Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4151, Level = LogLevel.Information, Message = "Graph rate limit of {Limit} requests per minute reached; waiting {DelayMilliseconds} ms for a slot.")]
        public static partial void WaitingForSlot(ILogger logger, int limit, double delayMilliseconds);
    }
}
