namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>A hand-written fake clock (the Microsoft testing package is not on the mirror): time moves only on <see cref="Advance"/>.</summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private TaskCompletionSource<TimeSpan> _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>The monotonic clock moves with <see cref="Advance"/> too (one tick = 100 ns).</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _now.UtcTicks;
        }
    }

    /// <summary>Completes with the due time of the next timer created (for example by <c>Task.Delay</c>).</summary>
    public Task<TimeSpan> NextTimerCreated
    {
        get
        {
            lock (_lock)
            {
                return _timerCreated.Task;
            }
        }
    }

    public IReadOnlyList<TimeSpan> CreatedDueTimes => _dueTimes;

    private readonly List<TimeSpan> _dueTimes = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource<TimeSpan> created;
        var timer = new FakeTimer(this, callback, state);
        lock (_lock)
        {
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            _timers.Add(timer);
            _dueTimes.Add(dueTime);
            created = _timerCreated;
            _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        created.TrySetResult(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt is { } at && at <= _now).ToList();
            foreach (var t in due)
            {
                t.DueAt = null;
            }
        }

        foreach (var t in due)
        {
            t.Fire();
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
            }

            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
