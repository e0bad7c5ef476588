namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> with one addition the rate-limit tests need: it records each
/// timer the provider creates (for example by <c>Task.Delay</c>) and its due time, so a test can wait
/// until the provider is waiting and check for how long. Time itself is the fake's: it moves only on
/// <see cref="Advance"/>.
/// </summary>
internal sealed class TimerRecordingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private TaskCompletionSource<TimeSpan> _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimerRecordingTimeProvider(DateTimeOffset start)
        : this(new FakeTimeProvider(start))
    {
    }

    /// <summary>Completes with the due time of the next timer created after this property is read.</summary>
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

    /// <summary>The due time of every timer created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> CreatedDueTimes
    {
        get
        {
            lock (_lock)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public void Advance(TimeSpan delta) => fake.Advance(delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource<TimeSpan> created;
        lock (_lock)
        {
            _dueTimes.Add(dueTime);
            created = _timerCreated;
            _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        created.TrySetResult(dueTime);
        return timer;
    }
}
