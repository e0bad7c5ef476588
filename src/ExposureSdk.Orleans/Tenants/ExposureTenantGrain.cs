using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Orleans.Hosting;
using ExposureSdk.Orleans.Views;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>The tenant grain: see <see cref="IExposureTenantGrain"/>. The refresh, its schedule and the stream are here; the queries in <c>ExposureTenantGrain.Queries.cs</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim's wait handle is never requested, so it holds no unmanaged resource.")]
internal sealed partial class ExposureTenantGrain : Grain, IExposureTenantGrain, IRemindable
{
    internal const string ReminderName = "ExposureSdk.Refresh";

    private readonly IExposureTenantFactory _factory;
    private readonly IScoreHistoryStore _siloStore;
    private readonly RefreshGate _gate;
    private readonly ExposureGrainOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private TenantRuntime? _runtime;
    private IGrainTimer? _timer;

    public ExposureTenantGrain(IExposureTenantFactory factory, IScoreHistoryStore siloStore, RefreshGate gate, IOptions<ExposureGrainOptions> options, ILoggerFactory loggers)
    {
        _factory = factory;
        _siloStore = siloStore;
        _gate = gate;
        _options = options.Value;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ExposureTenantGrain>();
    }

    private string TenantId => this.GetPrimaryKeyString();

    private CancellationToken SiloStopping => ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_options.RefreshInterval > TimeSpan.Zero)
        {
            var now = TimeProvider.System.GetUtcNow();
            var due = NextSlotStart(now) + Jitter() - now;
            _timer = this.RegisterGrainTimer(OnScheduleAsync, new GrainTimerCreationOptions(due, _options.RefreshInterval) { KeepAlive = true });
            if (_options.UseReminders)
            {
                var period = _options.RefreshInterval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : _options.RefreshInterval;
                await this.RegisterOrUpdateReminder(ReminderName, due, period, cancellationToken);
            }
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _runtime?.Dispose();
        _runtime = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<string> StartAsync() => Task.FromResult(TenantId);

    public Task<TenantRefreshSummary> RefreshAsync() => RefreshCoreAsync(slotStart: null);

    public Task<TenantRefreshSummary> RefreshIfDueAsync(DateTimeOffset slotStart) => RefreshCoreAsync(slotStart.ToUniversalTime());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (string.Equals(reminderName, ReminderName, StringComparison.Ordinal))
        {
            await OnScheduleAsync(CancellationToken.None);
        }
    }

    /// <summary>The tenant's runtime, built on first use.</summary>
    /// <exception cref="ExposureTenantConfigurationException">The tenant's configuration is wrong.</exception>
    private TenantRuntime GetRuntime()
    {
        if (_runtime is null)
        {
            try
            {
                _runtime = TenantRuntime.Create(TenantId, _factory, _siloStore, _loggers);
            }
            catch (ExposureTenantConfigurationException ex)
            {
                Log.ConfigurationFailed(_logger, TenantId, ex.Message);
                throw;
            }
        }

        return _runtime;
    }

    private async Task OnScheduleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _runtime?.Clock.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
            await RefreshCoreAsync(SlotStart(now));
        }
        catch (Exception ex)
        {
            Log.ScheduledRefreshFailed(_logger, TenantId, ex);
        }
    }

    private async Task<TenantRefreshSummary> RefreshCoreAsync(DateTimeOffset? slotStart)
    {
        var runtime = GetRuntime();
        using var timeout = new CancellationTokenSource(_options.RefreshTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, SiloStopping);
        var token = linked.Token;
        await _turn.WaitAsync(token);
        try
        {
            if (slotStart is { } slot && await runtime.Store.GetLatestCardAsync(TenantId, token) is { } latest && latest.AsOf >= slot)
            {
                if (runtime.Pipeline.LastResult is null)
                {
                    await RunAsync(runtime, warmUp: true, DateTimeOffset.MaxValue, token);
                }

                return AlreadyRecorded(runtime, latest.AsOf);
            }

            return await RunAsync(runtime, warmUp: false, slotStart ?? runtime.Clock.GetUtcNow(), token);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The result the queries read: the latest refresh's, or a warm-up's when this activation has none yet.</summary>
    private async Task<RefreshResult> ResultAsync(TenantRuntime runtime)
    {
        if (runtime.Pipeline.LastResult is { } result)
        {
            return result;
        }

        using var timeout = new CancellationTokenSource(_options.RefreshTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, SiloStopping);
        await _turn.WaitAsync(linked.Token);
        try
        {
            if (runtime.Pipeline.LastResult is null)
            {
                await RunAsync(runtime, warmUp: true, DateTimeOffset.MaxValue, linked.Token);
            }

            return runtime.Pipeline.LastResult!;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<TenantRefreshSummary> RunAsync(TenantRuntime runtime, bool warmUp, DateTimeOffset recordedFrom, CancellationToken cancellationToken)
    {
        RefreshResult result;
        using (await _gate.EnterAsync(cancellationToken))
        {
            runtime.Store.BeginRefresh(warmUp, recordedFrom);
            try
            {
                result = await runtime.Pipeline.RefreshAsync(cancellationToken);
            }
            finally
            {
                runtime.Store.IsWarmUp = false;
            }
        }

        if (!result.IsHistoryWritten)
        {
            if (runtime.Store.FoundAlreadyRecorded)
            {
                // The same instant was recorded before (a re-run of the slot): nothing is recorded or published again.
                return AlreadyRecorded(runtime, result.AsOf);
            }

            // Not recorded (the store failed): the caller retries; nothing was stored, nothing is published.
            throw new InvalidOperationException($"Tenant '{TenantId}': the refresh of {result.AsOf:O} was not recorded: {result.HistoryError}");
        }

        if (!warmUp)
        {
            await PublishAsync(runtime, result);
        }

        return Summary(result, warmUp ? TenantRefreshStatus.AlreadyRecorded : TenantRefreshStatus.Refreshed, result.AsOf);
    }

    private async Task PublishAsync(TenantRuntime runtime, RefreshResult result)
    {
        if (_options.EventStreamProvider is not { } name || result.EventChanges.Count == 0)
        {
            return;
        }

        try
        {
            var stream = this.GetStreamProvider(name).GetStream<SecurityEventNotification>(StreamId.Create(ExposureGrainOptions.EventStreamNamespace, TenantId));
            foreach (var change in result.EventChanges)
            {
                await stream.OnNextAsync(ViewMapper.Notification(TenantId, change, result.AsOf, runtime.Pipeline.TimeZone));
            }
        }
        catch (Exception ex)
        {
            // The transitions are recorded; a stream that cannot take them never fails the refresh.
            Log.PublishFailed(_logger, TenantId, name, ex);
        }
    }

    private TenantRefreshSummary AlreadyRecorded(TenantRuntime runtime, DateTimeOffset recordedAt) => runtime.Pipeline.LastResult is { } last
        ? Summary(last, TenantRefreshStatus.AlreadyRecorded, recordedAt)
        : new TenantRefreshSummary(TenantId, TenantRefreshStatus.AlreadyRecorded, recordedAt, null, 0, 0, 0, [], [], SiloName);

    private TenantRefreshSummary Summary(RefreshResult result, TenantRefreshStatus status, DateTimeOffset asOf)
    {
        var refreshed = status == TenantRefreshStatus.Refreshed;
        return new TenantRefreshSummary(
            TenantId,
            status,
            asOf,
            result.Card.SecureScore,
            refreshed ? result.EventChanges.Count(c => c.Transition == SecurityEventTransition.Raised) : 0,
            refreshed ? result.EventChanges.Count(c => c.Transition == SecurityEventTransition.Updated) : 0,
            refreshed ? result.EventChanges.Count(c => c.Transition == SecurityEventTransition.Withdrawn) : 0,
            [.. result.Outcomes.Select(ViewMapper.Provider)],
            result.Warnings,
            SiloName);
    }

    private string SiloName => RuntimeIdentity;

    private DateTimeOffset SlotStart(DateTimeOffset now) => SlotStart(now, _options.RefreshInterval);

    private DateTimeOffset NextSlotStart(DateTimeOffset now) => SlotStart(now) + _options.RefreshInterval;

    /// <summary>The start of the slot containing <paramref name="now"/>: a multiple of the interval since the Unix epoch.</summary>
    internal static DateTimeOffset SlotStart(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % interval.Ticks));
    }

    /// <summary>A stable offset into the first tenth of the slot (at most 5 minutes), so tenants do not all start at once.</summary>
    private TimeSpan Jitter()
    {
        var hash = 2166136261u;
        foreach (var c in TenantId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var spread = Math.Min(_options.RefreshInterval.Ticks / 10, TimeSpan.FromMinutes(5).Ticks);
        return spread <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(hash % (ulong)spread));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Tenant {TenantId} is not configured correctly: {Reason}")]
        public static partial void ConfigurationFailed(ILogger logger, string tenantId, string reason);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The scheduled refresh of tenant {TenantId} failed")]
        public static partial void ScheduledRefreshFailed(ILogger logger, string tenantId, Exception exception);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "The events of tenant {TenantId} could not be published to stream provider {Provider}")]
        public static partial void PublishFailed(ILogger logger, string tenantId, string provider, Exception exception);
    }
}
