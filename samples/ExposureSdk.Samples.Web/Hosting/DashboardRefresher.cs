using ExposureSdk.History;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// Runs the refreshes of the dashboard: the hosted service's (at start, then on the interval) and the
/// refresh button's. The pipeline serializes refreshes itself; this keeps what the pages and <c>/healthz</c>
/// show about the last attempt (a refresh whose history store failed is not recorded: its error is kept).
/// </summary>
public sealed partial class DashboardRefresher : IDisposable
{
    private readonly ExposureRefreshPipeline _pipeline;
    private readonly IScoreHistoryStore _store;
    private readonly ExposureRefreshPipelineOptions _options;
    private readonly DashboardSources _sources;
    private readonly TimeProvider _time;
    private readonly ILogger<DashboardRefresher> _logger;
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _prepare = new(1, 1);
    private bool _prepared;
    private RefreshAttempt? _lastAttempt;
    private bool _everRecorded;

    public DashboardRefresher(ExposureRefreshPipeline pipeline, IScoreHistoryStore store, IOptions<ExposureRefreshPipelineOptions> options, DashboardSources sources, TimeProvider time, ILogger<DashboardRefresher> logger)
    {
        _pipeline = pipeline;
        _store = store;
        _options = options.Value;
        _sources = sources;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the last refresh attempt, or null before the first.</summary>
    public RefreshAttempt? LastAttempt => Volatile.Read(ref _lastAttempt);

    /// <summary>Gets whether any refresh was recorded in history since the start.</summary>
    public bool EverRecorded => Volatile.Read(ref _everRecorded);

    /// <summary>Gets a task that completes when the first refresh attempt has ended (succeeded or failed).</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>Refreshes now (after importing the demo's history into an empty store, once).</summary>
    /// <param name="trigger">What asked for it ("start", "interval", "button"), for the log.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The attempt.</returns>
    public async Task<RefreshAttempt> RefreshAsync(string trigger, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        RefreshAttempt attempt;
        try
        {
            await PrepareAsync(cancellationToken);
            var result = await _pipeline.RefreshAsync(cancellationToken);
            if (result.IsHistoryWritten)
            {
                attempt = new RefreshAttempt(started, result.AsOf, result.Duration, null);
                Volatile.Write(ref _everRecorded, true);
                Log.Refreshed(_logger, trigger, result.AsOf, result.Outcomes.Count(o => o.Succeeded), result.Outcomes.Count, result.Events.Count);
            }
            else
            {
                // The history store failed (disk full, read-only, locked, corrupt): the sources were read and the
                // pages show them, but nothing was recorded; /healthz reports this error.
                attempt = new RefreshAttempt(started, null, result.Duration, result.HistoryError);
                Log.NotRecorded(_logger, trigger, result.HistoryError!);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Preparing the store failed (the demo history could not be imported): nothing was recorded; the
            // pages keep showing the last refresh, and /healthz reports this error.
            Log.RefreshFailed(_logger, ex, trigger);
            attempt = new RefreshAttempt(started, null, _time.GetUtcNow() - started, $"{ex.GetType().Name}: {ex.Message}");
        }

        Volatile.Write(ref _lastAttempt, attempt);
        _firstAttempt.TrySetResult();
        return attempt;
    }

    public void Dispose() => _prepare.Dispose();

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _prepared))
        {
            return;
        }

        await _prepare.WaitAsync(cancellationToken);
        try
        {
            if (!_prepared && _sources.Demo is { } demo)
            {
                var days = await DemoHistoryImport.ImportIfEmptyAsync(demo, _store, _options, _sources.DemoHistoryDays, cancellationToken);
                if (days > 0)
                {
                    Log.DemoHistoryImported(_logger, days);
                }
            }

            Volatile.Write(ref _prepared, true);
        }
        finally
        {
            _prepare.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Refresh ({Trigger}) as of {AsOf:O}: {Succeeded} of {Sources} source(s) read, {Events} event(s).")]
        public static partial void Refreshed(ILogger logger, string trigger, DateTimeOffset asOf, int succeeded, int sources, int events);

        [LoggerMessage(2, LogLevel.Error, "Refresh ({Trigger}) failed; nothing was recorded.")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, string trigger);

        [LoggerMessage(4, LogLevel.Error, "Refresh ({Trigger}) read the sources but was not recorded: {Error}")]
        public static partial void NotRecorded(ILogger logger, string trigger, string error);

        [LoggerMessage(3, LogLevel.Information, "Imported {Days} day(s) of the demo tenant's history into the empty history store.")]
        public static partial void DemoHistoryImported(ILogger logger, int days);
    }
}

/// <summary>One refresh attempt.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="AsOf">The refresh's instant when it was recorded, else null.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record RefreshAttempt(DateTimeOffset StartedAt, DateTimeOffset? AsOf, TimeSpan Duration, string? Error);

/// <summary>The hosted service: one refresh at start, then one per <see cref="DashboardOptions.RefreshInterval"/> (on the host's <see cref="TimeProvider"/>).</summary>
internal sealed class DashboardRefreshService(DashboardRefresher refresher, IOptions<DashboardOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await refresher.RefreshAsync("start", stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await refresher.RefreshAsync("interval", stoppingToken);
        }
    }
}
